// The console works without this file; it only saves a click: a select marked autosubmit submits its form on change.
document.addEventListener('change', function (e) {
  if (e.target.matches('select.autosubmit') && e.target.form) { e.target.form.submit(); }
});
