/*
 * The old-browser guard of the add-in's pages (task pane, ribbon commands, dialog). ES5 only: it
 * must run where the bundles cannot. Volume-licensed Office 2016/2019 on Windows runs add-ins in
 * Internet Explorer 11 or the old Edge engine (EdgeHTML); the bundles (ES2017, React 18, Fluent
 * UI 9) fail there before they can say anything. This script runs first and, when a feature the
 * bundles use is missing, says in Vietnamese (and English) what is needed.
 *
 * The features tested (window.__CQS_GUARD__.features) are ones the bundles call without a polyfill;
 * test/browser/guard.spec.ts removes them in Chromium and checks the message.
 */
(function () {
  "use strict";
  var w = window;
  var ap = Array.prototype;
  var features = {
    Promise: typeof w.Promise === "function",
    Symbol: typeof w.Symbol === "function",
    Map: typeof w.Map === "function",
    "Object.assign": typeof Object.assign === "function",
    "Object.entries": typeof Object.entries === "function",
    "Object.fromEntries": typeof Object.fromEntries === "function",
    "Array.prototype.includes": typeof ap.includes === "function",
    "Array.prototype.flatMap": typeof ap.flatMap === "function",
    "String.prototype.padStart": typeof String.prototype.padStart === "function",
  };
  var missing = [];
  for (var name in features) {
    if (Object.prototype.hasOwnProperty.call(features, name) && !features[name]) missing.push(name);
  }
  w.__CQS_GUARD__ = { features: features, missing: missing };
  if (missing.length === 0) return;

  var VI =
    "Excel này đang chạy bổ trợ bằng trình duyệt cũ (Internet Explorer 11 hoặc Edge bản cũ), " +
    "nên bổ trợ CQS không chạy được. Cần: Microsoft 365 hoặc Excel 2021 trở lên trên Windows có " +
    "Microsoft Edge WebView2, Excel cho Mac, hoặc Excel trên web (office.com). " +
    "Hãy nhờ bộ phận CNTT cập nhật Office hoặc cài Microsoft Edge WebView2 Runtime.";
  var EN =
    "This Excel runs add-ins in an old browser (Internet Explorer 11 or the old Edge), where the " +
    "CQS add-in cannot run. It needs Microsoft 365 or Excel 2021 or later on Windows with " +
    "Microsoft Edge WebView2, Excel for Mac, or Excel on the web.";
  var DETAIL = "Thiếu / Missing: " + missing.join(", ");

  function paragraph(text, style) {
    var p = document.createElement("p");
    p.appendChild(document.createTextNode(text));
    p.setAttribute("style", style);
    return p;
  }

  function show() {
    var body = document.body;
    if (!body || document.getElementById("cqs-guard")) return;
    var box = document.createElement("div");
    box.id = "cqs-guard";
    box.setAttribute("role", "alert");
    box.setAttribute("lang", "vi");
    box.setAttribute(
      "style",
      "margin:12px;padding:12px;border:1px solid #c50f1f;background:#fdf3f4;color:#242424;" +
        "font-family:'Segoe UI',Arial,sans-serif;font-size:14px;line-height:1.4"
    );
    box.appendChild(paragraph("Không mở được bổ trợ CQS", "margin:0 0 8px;font-weight:600"));
    box.appendChild(paragraph(VI, "margin:0 0 8px"));
    var en = paragraph(EN, "margin:0 0 8px;color:#616161");
    en.setAttribute("lang", "en");
    box.appendChild(en);
    box.appendChild(paragraph(DETAIL, "margin:0;color:#616161;font-size:12px"));
    var root = document.getElementById("root");
    if (root) root.style.display = "none";
    body.insertBefore(box, body.firstChild);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();

  // The ribbon's command page has no window: its buttons open the dialog, which shows the message
  // above, and complete their event so that Excel does not wait.
  var actions = document.documentElement.getAttribute("data-ribbon-actions");
  if (!actions || !w.Office || !w.Office.actions) return;
  var ids = actions.split(" ");
  function handler(event) {
    var done = function () {
      if (event && typeof event.completed === "function") event.completed();
    };
    try {
      var url = w.location.href.replace(/commands\.html.*$/, "dialog.html");
      w.Office.context.ui.displayDialogAsync(url, { height: 45, width: 32, displayInIframe: true }, done);
    } catch (e) {
      done();
    }
  }
  for (var i = 0; i < ids.length; i++) {
    if (ids[i]) w.Office.actions.associate(ids[i], handler);
  }
})();
