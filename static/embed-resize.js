/*
 * Resizes embedded dashboard charts to their content. Put it once on a page that holds one or more
 *   <iframe data-antq-embed src="https://<dashboard>/embed/<chart>" …></iframe>
 * and load it from the same dashboard: <script src="https://<dashboard>/embed-resize.js" async></script>.
 *
 * Each embed posts   { type: 'antq-embed:height', chart: '<chart id>', height: <CSS px, integer> }
 * to its parent on load and whenever its content changes size. This script answers only messages whose
 * `event.source` is the window of an iframe on this page that points at this script's own origin (sandboxed
 * frames report origin "null", so the source window, not event.origin, is what identifies the frame), and
 * clamps the height. On start it sends { type: 'antq-embed:hello' } to those iframes so frames that loaded before
 * this script ran report again. No storage, no cookies, no other requests.
 */
(function () {
  if (window.__antqEmbedResize) return;
  window.__antqEmbedResize = true;
  var script = document.currentScript;
  var origin = script && script.src ? new URL(script.src, location.href).origin : null;

  function frames() {
    return Array.prototype.filter.call(document.getElementsByTagName('iframe'), function (f) {
      if (!f.src) return false;
      return origin === null || new URL(f.src, location.href).origin === origin;
    });
  }

  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || typeof d !== 'object' || d.type !== 'antq-embed:height') return;
    var h = Number(d.height);
    if (!isFinite(h) || h <= 0) return;
    frames().forEach(function (f) {
      if (f.contentWindow === e.source) f.style.height = Math.min(Math.ceil(h), 20000) + 'px';
    });
  });

  function hello() {
    frames().forEach(function (f) {
      if (f.contentWindow) f.contentWindow.postMessage({ type: 'antq-embed:hello' }, '*');
    });
  }
  hello();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', hello);
})();
