/*
 * 决算审核助手: the page's first own script. Deliberately ES5 (no let/const, arrow functions, template
 * literals or classes; test/build.test.ts parses the emitted file with acorn at ecmaVersion 5), so that it
 * runs in every webview an Office add-in can get, including Internet Explorer 11 (Trident, used by
 * volume-licensed Office 2016/2019) and Microsoft Edge Legacy (EdgeHTML).
 *
 * The task-pane bundle is ES2022 and is not built for those webviews (docs/deploy.md: an ES5 build
 * measured over the size budget). Instead of leaving a dead "loading" pane there, this script shows the
 * #unsupported message of taskpane.html (what to do: the standalone page in a modern browser, at this
 * page's own address, or a newer Office), in three cases:
 *   - "browser": a built-in the bundle needs is missing. Checked by feature tests, not by parsing modern
 *     syntax: `new Function` is refused by the page's CSP (no 'unsafe-eval'), and `noModule` support does
 *     not tell enough (EdgeHTML 16–18 run ES modules but cannot parse `?.`/`??=`). Array.prototype.at
 *     (ES2022) is the marker: the engines that have it parse the ES2022 syntax the bundle uses.
 *   - "failed": the bundle never reported that it started (window.juesuanBoot.start() below) by the time
 *     the page has loaded: it did not parse, threw while loading, or could not be downloaded.
 *   - "excel-api": inside Excel, the host lacks the ExcelApi requirement set the pane needs
 *     (EXCEL_API_FLOOR, the same floor as <Requirements> in manifest.xml).
 * Handover: src/taskpane/index.ts calls juesuanBoot.start() first (false: do not start the pane) and
 * juesuanBoot.excelSupported() once Office.onReady reports Excel (false: do not start Excel mode).
 */
(function () {
  'use strict';

  /** ExcelApi requirement set the pane needs: conditional formats (1.6) and change events (1.7); manifest floor. */
  var EXCEL_API_FLOOR = '1.7';

  var started = false;
  var blocked = '';

  function missingFeatures() {
    var missing = [];
    function need(name, present) {
      if (!present) missing.push(name);
    }
    var ap = Array.prototype;
    var sp = String.prototype;
    need('Promise', typeof Promise === 'function');
    need('Symbol.iterator', typeof Symbol === 'function' && typeof Symbol.iterator === 'symbol');
    need('Map', typeof Map === 'function');
    need('Set', typeof Set === 'function');
    need('WeakMap', typeof WeakMap === 'function');
    need('Object.assign', typeof Object.assign === 'function');
    need('Object.fromEntries', typeof Object.fromEntries === 'function');
    need('Array.from', typeof Array.from === 'function');
    need('Array.prototype.flatMap', typeof ap.flatMap === 'function');
    need('Array.prototype.at', typeof ap.at === 'function');
    need('String.prototype.normalize', typeof sp.normalize === 'function');
    need('String.prototype.matchAll', typeof sp.matchAll === 'function');
    need('globalThis', typeof globalThis === 'object');
    need('Intl.NumberFormat', typeof Intl === 'object' && typeof Intl.NumberFormat === 'function');
    return missing;
  }

  /** This page's address without query or fragment: the standalone page for a modern browser. */
  function pageAddress() {
    var l = window.location;
    if (l.protocol === 'file:') return l.href.split('#')[0].split('?')[0];
    return l.protocol + '//' + l.host + l.pathname;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function show(reason, detail) {
    if (blocked) return;
    blocked = reason;
    var box = byId('unsupported');
    if (!box) return;
    document.body.setAttribute('data-mode', 'unsupported');
    var hide = document.querySelectorAll('.app-main, #host-note, #mode-badge');
    for (var i = 0; i < hide.length; i++) hide[i].setAttribute('hidden', '');
    var parts = box.querySelectorAll('[data-reason]');
    for (var j = 0; j < parts.length; j++) {
      var reasons = ' ' + parts[j].getAttribute('data-reason') + ' ';
      if (reasons.indexOf(' ' + reason + ' ') >= 0) parts[j].removeAttribute('hidden');
      else parts[j].setAttribute('hidden', '');
    }
    var address = byId('unsupported-address');
    if (address) {
      address.value = pageAddress();
      address.onfocus = function () {
        address.select();
      };
    }
    var technical = byId('unsupported-detail');
    if (technical) technical.appendChild(document.createTextNode(detail || ''));
    box.setAttribute('data-reason', reason);
    box.removeAttribute('hidden');
  }

  function excelSupported() {
    try {
      var requirements = Office.context.requirements;
      if (requirements.isSetSupported('ExcelApi', EXCEL_API_FLOOR)) return true;
    } catch (e) {
      // No requirements API: treat as unsupported (office.js too old to tell).
    }
    show('excel-api', 'ExcelApi ' + EXCEL_API_FLOOR + ' 不可用');
    return false;
  }

  window.juesuanBoot = {
    excelApiFloor: EXCEL_API_FLOOR,
    /** Called by the bundle before it touches the page; false when this page cannot run here. */
    start: function () {
      started = true;
      return !blocked;
    },
    /** Inside Excel: whether the host has the ExcelApi floor; shows the message when not. */
    excelSupported: excelSupported,
    /** The reason the message is shown ("" while the pane may run). */
    blocked: function () {
      return blocked;
    },
  };

  function whenReady(callback) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', callback, false);
    else callback();
  }

  var missing = missingFeatures();
  if (missing.length) {
    whenReady(function () {
      show('browser', '缺少：' + missing.join('、') + '；' + navigator.userAgent);
    });
    return;
  }

  // Inside Excel: check the requirement set as soon as office.js knows the host (the bundle asks again).
  if (typeof Office !== 'undefined' && Office && typeof Office.onReady === 'function') {
    try {
      Office.onReady(function (info) {
        if (info && info.host === 'Excel') excelSupported();
      });
    } catch (e) {
      // office.js half-loaded: the bundle falls back to the standalone page.
    }
  }

  function checkStarted() {
    if (!started) show('failed', '页面程序未启动；' + navigator.userAgent);
  }
  if (document.readyState === 'complete') checkStarted();
  else window.addEventListener('load', checkStarted, false);
})();
