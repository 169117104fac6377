/* global window, document, setTimeout, clearTimeout */
/**
 * The cdn-then-local loader, inlined into taskpane.html by webpack (plain ES5: it runs before the
 * bundle, in whatever webview Office uses). `window.jixiaoOfficeJs` holds { cdn, local, timeoutMs }.
 *
 * It asks the CDN first with a HEAD request that it can abort (a script tag cannot be cancelled, and
 * a late CDN script would run office.js twice): when the CDN answers within timeoutMs, office.js is
 * loaded from the CDN; when it fails or stays silent (a closed network that drops packets), from
 * the copy served with the add-in. A CDN script that loads but defines no `Office` (a proxy's
 * error page) also falls back to the copy. When it settles it sets `status` to 'loaded' or
 * 'failed' and dispatches `jixiao:office-js` on window; src/office/environment.ts waits for it.
 */
(function () {
  var state = window.jixiaoOfficeJs;
  state.status = 'loading';
  state.tried = [];

  function settle(status) {
    state.status = status;
    var event;
    if (typeof window.Event === 'function') event = new window.Event('jixiao:office-js');
    else {
      event = document.createEvent('Event');
      event.initEvent('jixiao:office-js', false, false);
    }
    window.dispatchEvent(event);
  }

  function load(src, next) {
    state.tried.push(src);
    var script = document.createElement('script');
    script.src = src;
    script.onload = function () {
      next(typeof window.Office !== 'undefined');
    };
    script.onerror = function () {
      next(false);
    };
    document.head.appendChild(script);
  }

  function fromCopy() {
    load(state.local, function (ok) {
      settle(ok ? 'loaded' : 'failed');
    });
  }

  function fromCdn() {
    load(state.cdn, function (ok) {
      if (ok) settle('loaded');
      else fromCopy();
    });
  }

  if (typeof window.fetch !== 'function' || typeof window.AbortController !== 'function') {
    // no way to give up on the CDN in time: the copy is always there
    fromCopy();
    return;
  }
  var decided = false;
  var controller = new window.AbortController();
  function decide(cdnAnswered) {
    if (decided) return;
    decided = true;
    clearTimeout(timer);
    if (cdnAnswered) fromCdn();
    else {
      controller.abort();
      fromCopy();
    }
  }
  var timer = setTimeout(function () {
    decide(false);
  }, state.timeoutMs);
  window
    .fetch(state.cdn, {
      method: 'HEAD',
      mode: 'no-cors',
      credentials: 'omit',
      signal: controller.signal,
    })
    .then(
      function () {
        decide(true);
      },
      function () {
        decide(false);
      },
    );
})();
