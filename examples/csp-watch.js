// Counts Content-Security-Policy violations on the example CSP page.
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', e => {
  window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
  const out = document.getElementById('violations');
  if (out) out.textContent = String(window.cspViolations.length);
});
