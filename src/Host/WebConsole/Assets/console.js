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
