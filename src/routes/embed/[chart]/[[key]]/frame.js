// The embed's only script, inlined into its page (no SvelteKit client, no DuckDB). It must work in an iframe
// sandboxed with just `allow-scripts`: opaque origin, so no storage and no same-origin access to the host.
// 1. `?theme=light|dark` → <html data-theme>; without it (or without JS) the reader's system setting rules.
// 2. `?area=&metric=&period=&lang=` → the prerendered page for them (location.replace), or a clear message.
// 3. Posts `{ type: 'antq-embed:height', chart, height }` to the parent on load and whenever its size changes,
//    and again when the host says `{ type: 'antq-embed:hello' }` (static/embed-resize.js does on start).
// 4. Gives each period bar a native <title> tooltip (the dashboard draws its tooltip with Svelte, absent here).
// 5. Nothing navigates the frame away from the chart: every link opens a new tab (window.open); when the host's
//    sandbox lacks `allow-popups`, the browser blocks that, and the frame says so and shows the address.
(function () {
  var el = document.getElementById('antq-embed-config');
  if (!el) return;
  var cfg = JSON.parse(el.textContent);
  var root = document.documentElement;
  var q = new URLSearchParams(location.search);
  var theme = q.get('theme');
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  root.lang = cfg.lang;

  var problem = '';
  if (cfg.kind === 'unknown') {
    var name = decodeURIComponent(location.pathname.split('/embed/')[1] || '').split('/')[0];
    // The 404 page is served for any unknown /embed/<id>: name the id it was asked for (vi, then en).
    if (name && !cfg.chart)
      problem = cfg.msg.unknown
        .map(function (m) {
          return m + ' “' + name + '”.';
        })
        .join(' ');
  } else if (cfg.kind === 'chart') {
    var want = { area: cfg.params.area, metric: cfg.params.metric, period: cfg.params.period };
    var lang = q.get('lang') || cfg.lang;
    var bad = [];
    if (lang !== 'vi' && lang !== 'en') bad.push('lang=' + lang + ' (vi, en)');
    ['area', 'metric', 'period'].forEach(function (k) {
      var v = q.get(k);
      if (v === null) return;
      if (cfg.values[k].indexOf(v) < 0)
        bad.push(k + '=' + v + ' (' + cfg.msg.valid + ': ' + cfg.values[k].filter(Boolean).join(', ') + ')');
      else want[k] = v;
    });
    var changed = ['area', 'metric', 'period'].filter(function (k) {
      return want[k] !== cfg.defaults[k];
    });
    if (bad.length) problem = cfg.msg.bad + ': ' + bad.join('; ');
    else if (changed.length > 1) problem = cfg.msg.combo;
    else {
      var c = changed[0];
      var key = c || lang !== 'vi' ? lang + (c ? '-' + c + '-' + want[c].replace('/', '_') : '') : '';
      // The site's base path, from the address itself ($app/paths' base is relative in prerendered pages).
      var path = location.pathname.split('/embed/')[0] + '/embed/' + cfg.chart + (key ? '/' + key : '');
      var here = location.pathname.replace(/\.html$/, '').replace(/\/$/, '');
      if (path !== here) {
        location.replace(path + (theme ? '?theme=' + encodeURIComponent(theme) : '') + location.hash);
        return;
      }
    }
  }

  function linkBlocked(url) {
    var box = document.getElementById('embed-link-note');
    if (!box) return;
    box.textContent = cfg.msg.linkBlocked + ' ';
    var code = document.createElement('code');
    code.textContent = url;
    box.appendChild(code);
    box.hidden = false;
  }
  document.addEventListener(
    'click',
    function (e) {
      var a = e.target && e.target.closest ? e.target.closest('a') : null;
      var href = a && a.getAttribute('href');
      if (!href || e.defaultPrevented) return;
      e.preventDefault();
      var url = new URL(href, location.href).href;
      var w;
      try {
        w = window.open(url, '_blank');
      } catch {
        // Some browsers throw rather than return null when the sandbox forbids popups.
      }
      if (w) w.opener = null;
      else linkBlocked(url);
    },
    true
  );

  function ready() {
    document.querySelectorAll('a[href]').forEach(function (a) {
      a.setAttribute('target', '_blank');
      a.setAttribute('rel', 'noopener');
    });
    var box = document.getElementById('embed-problem');
    if (problem && box) {
      box.textContent = problem;
      box.hidden = false;
      var chart = document.getElementById('embed-chart');
      if (chart) chart.hidden = true;
    }
    document.querySelectorAll('.bar[aria-label]').forEach(function (g) {
      if (g.querySelector('title')) return;
      var t = document.createElementNS('http://www.w3.org/2000/svg', 'title');
      t.textContent = g.getAttribute('aria-label');
      g.prepend(t);
    });
    if (window.parent === window) return;
    var last = -1;
    function post(force) {
      var h = Math.ceil(root.getBoundingClientRect().height);
      if (h === last && !force) return;
      last = h;
      window.parent.postMessage({ type: 'antq-embed:height', chart: cfg.chart, height: h }, '*');
    }
    post(true);
    window.addEventListener('load', function () {
      post(true);
    });
    if (window.ResizeObserver)
      new ResizeObserver(function () {
        post(false);
      }).observe(root);
    else
      window.addEventListener('resize', function () {
        post(false);
      });
    window.addEventListener('message', function (e) {
      if (e.source === window.parent && e.data && e.data.type === 'antq-embed:hello') post(true);
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else ready();
})();
