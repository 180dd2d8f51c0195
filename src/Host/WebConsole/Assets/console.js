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
