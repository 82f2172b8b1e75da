import '@testing-library/jest-dom/vitest';

// jsdom has no layout engine; LayerCake observes its container's size.
class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= ResizeObserverStub as unknown as typeof ResizeObserver;
