// The console works without this file; it only saves clicks: a select marked autosubmit submits its form on change,
// and a revision slider shows its value while it moves and replays when it is let go.
document.addEventListener('change', function (e) {
  if ((e.target.matches('select.autosubmit') || e.target.matches('input.autosubmit-range')) && e.target.form) { e.target.form.submit(); }
});
document.addEventListener('input', function (e) {
  if (e.target.matches('input.autosubmit-range')) {
    var output = document.querySelector('output[for="' + e.target.id + '"]');
    if (output) { output.textContent = e.target.value; }
  }
});
// A file chosen beside the attach form fills in its name, media type, size and SHA-256; the file is not sent.
document.addEventListener('change', function (e) {
  if (!e.target.matches('input.material-file') || !e.target.files || e.target.files.length === 0) { return; }
  var file = e.target.files[0];
  var prefix = e.target.getAttribute('data-fill');
  var set = function (name, value) { var field = document.getElementById(prefix + name); if (field) { field.value = value; } };
  set('fileName', file.name);
  set('mediaType', file.type || 'application/octet-stream');
  set('sizeBytes', String(file.size));
  if (window.crypto && window.crypto.subtle) {
    file.arrayBuffer().then(function (bytes) { return window.crypto.subtle.digest('SHA-256', bytes); }).then(function (digest) {
      set('contentHash', Array.prototype.map.call(new Uint8Array(digest), function (b) { return ('0' + b.toString(16)).slice(-2); }).join(''));
    });
  }
});
// The affair-type editor checks the definition as it is typed: a pause of 600 ms after the last keystroke posts the
// form (with its antiforgery token) to the page's Check handler, which answers the problems at their JSON paths and
// the diagram preview. Only the newest answer is shown. Without this script the Validate button does the same.
(function () {
  var timers = new WeakMap();
  var latest = new WeakMap();
  var element = function (name, className, text) {
    var node = document.createElement(name);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  };
  var show = function (editor, answer) {
    var results = document.getElementById(editor.getAttribute('data-check-results'));
    var preview = document.getElementById(editor.getAttribute('data-check-preview'));
    if (!results || !preview) { return; }
    results.removeAttribute('aria-busy');
    var list = element('ul', 'problems');
    (answer ? answer.problems : []).forEach(function (p) {
      var item = element('li');
      item.appendChild(element('code', null, p.path));
      item.appendChild(document.createTextNode(' ' + p.kind + ' '));
      item.appendChild(element('code', null, p.code));
      item.appendChild(document.createTextNode(' '));
      var detail = element('span', 'detail', p.message);
      detail.lang = 'en';
      item.appendChild(detail);
      list.appendChild(item);
    });
    var summary = answer ? element('p', answer.valid ? 'ok' : 'bad', answer.summary) : null;
    results.replaceChildren.apply(results, summary ? [summary, list] : []);
    // The diagram is drawn and escaped on the server; it is read as SVG (never as HTML) and shown only if it is one.
    var holder = preview.querySelector('.scroll');
    var svg = null;
    if (answer && answer.diagram) {
      var parsed = new DOMParser().parseFromString(answer.diagram, 'image/svg+xml').documentElement;
      if (parsed.namespaceURI === 'http://www.w3.org/2000/svg' && parsed.localName === 'svg' && !parsed.querySelector('script')) {
        svg = document.importNode(parsed, true);
      }
    }
    holder.replaceChildren.apply(holder, svg ? [svg] : []);
    preview.hidden = !svg;
  };
  var failed = function (editor) {
    var results = document.getElementById(editor.getAttribute('data-check-results'));
    if (!results) { return; }
    results.removeAttribute('aria-busy');
    results.replaceChildren(element('p', 'bad', editor.getAttribute('data-check-failed')));
  };
  var check = function (editor) {
    var sent = {};
    latest.set(editor, sent);
    if (editor.value.trim() === '') { show(editor, null); return; }
    var results = document.getElementById(editor.getAttribute('data-check-results'));
    if (results) { results.setAttribute('aria-busy', 'true'); }
    fetch(editor.getAttribute('data-check'), {
      method: 'POST',
      body: new URLSearchParams(new FormData(editor.form)),
      credentials: 'same-origin',
      headers: { 'Accept': 'application/json' },
    }).then(function (response) {
      var json = response.ok && (response.headers.get('content-type') || '').indexOf('application/json') === 0;
      return json ? response.json() : Promise.reject(new Error('not checked'));
    }).then(function (answer) {
      if (latest.get(editor) === sent) { show(editor, answer); }
    }).catch(function () {
      if (latest.get(editor) === sent) { failed(editor); }
    });
  };
  var later = function (editor) {
    clearTimeout(timers.get(editor));
    timers.set(editor, setTimeout(function () { check(editor); }, 600));
  };
  document.addEventListener('input', function (e) {
    if (e.target.matches('textarea[data-check]') && e.target.form) { later(e.target); }
  });
  // What was typed before this script ran is checked too.
  Array.prototype.forEach.call(document.querySelectorAll('textarea[data-check]'), function (editor) {
    if (editor.form && editor.value !== editor.defaultValue) { later(editor); }
  });
})();
