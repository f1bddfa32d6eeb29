// The quote form's own script (same origin, no third party, no tracking): the server's checks run before sending, the
// errors appear beside their fields in the page's language, "Describe your condition" shows only for Other, and the
// health-data consent only where a state's law requires it. Without this script the server does the same, page by page.
(function () {
  "use strict";
  var form = document.querySelector("form[data-enhance]");
  var dataBlock = document.getElementById("form-data");
  if (!form || !dataBlock) return;
  var data = JSON.parse(dataBlock.textContent);
  var msg = data.errors;
  var attempted = false;

  function el(id) { return document.getElementById(id); }
  function value(id) { var e = el(id); return e ? e.value.trim() : ""; }
  function checked(id) { var e = el(id); return !!(e && e.checked); }

  function healthState() {
    if (value("country") !== "US") return false;
    var zip = value("postalCode");
    if (!/^\d{5}(-\d{4})?$/.test(zip)) return false;
    var prefix = parseInt(zip.substring(0, 3), 10);
    return data.healthZipPrefixes.some(function (r) { return prefix >= r[0] && prefix <= r[1]; });
  }

  function digits(s) { return s.replace(/\D/g, "").length; }

  // The same rules as the server's validator, as far as a browser can tell (the server has the last word).
  function check() {
    var errors = [];
    function add(id, key) { errors.push({ id: id, message: msg[key] }); }
    var email = value("email"), phone = value("phone");
    if (!value("firstName")) add("firstName", "firstName.required");
    if (!value("lastName")) add("lastName", "lastName.required");
    var dob = value("dateOfBirth");
    if (!dob) add("dateOfBirth", "dateOfBirth.required");
    else {
      var d = new Date(dob + "T00:00:00Z");
      if (isNaN(d.getTime()) || d.getUTCFullYear() < 1900 || d > new Date()) add("dateOfBirth", "dateOfBirth.invalid");
    }
    if (!email && !phone) add("email", "email.required");
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@.]+$/.test(email)) add("email", "email.invalid");
    if (phone && (!/^[+\d\s().\-]+$/.test(phone) || digits(phone) < 7 || digits(phone) > 15)) add("phone", "phone.invalid");
    if (!value("condition")) add("condition", "condition.required");
    if (value("condition") === "other" && !value("conditionOther")) add("conditionOther", "conditionOther.required");
    var months = value("symptomDurationMonths");
    if (months && (!/^\d+$/.test(months) || +months > 1200)) add("symptomDurationMonths", "symptomDurationMonths.invalid");
    var anyConsent = checked("consentEmail") || checked("consentSms") || checked("consentPhone");
    if (!anyConsent) add("consentEmail", "consent.required");
    if (checked("consentEmail") && !email) add("consentEmail", "consent.email.invalid");
    if (checked("consentSms") && !phone) add("consentSms", "consent.sms.invalid");
    if (checked("consentPhone") && !phone) add("consentPhone", "consent.phone.invalid");
    if (healthState() && !checked("consentHealthData")) add("consentHealthData", "consent.healthData.required");
    return errors;
  }

  function setError(id, message) {
    var input = el(id), box = el(id + "-error");
    if (!input || !box) return;
    var ids = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (x) { return x && x !== id + "-error"; });
    var wrapper = input.closest(".field") || input.closest("fieldset");
    if (message) {
      box.textContent = message;
      box.hidden = false;
      ids.push(id + "-error");
      input.setAttribute("aria-invalid", "true");
      if (wrapper) wrapper.classList.add("has-error");
    } else {
      box.textContent = "";
      box.hidden = true;
      input.removeAttribute("aria-invalid");
      if (wrapper && !wrapper.querySelector("[aria-invalid=true]")) wrapper.classList.remove("has-error");
    }
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
    else input.removeAttribute("aria-describedby");
  }

  function show(errors) {
    var byId = {};
    errors.forEach(function (e) { byId[e.id] = byId[e.id] ? byId[e.id] + " " + e.message : e.message; });
    form.querySelectorAll("p.error").forEach(function (p) { setError(p.id.replace(/-error$/, ""), byId[p.id.replace(/-error$/, "")]); });
    var summary = el("error-summary");
    if (!errors.length) {
      if (summary) summary.remove();
      return null;
    }
    if (!summary) {
      summary = document.createElement("div");
      summary.className = "error-summary";
      summary.id = "error-summary";
      summary.setAttribute("role", "alert");
      summary.setAttribute("tabindex", "-1");
      summary.setAttribute("aria-labelledby", "error-summary-title");
      var h = document.createElement("h2");
      h.id = "error-summary-title";
      h.textContent = data.errorSummary;
      summary.appendChild(h);
      summary.appendChild(document.createElement("ul"));
      var note = el("required-note");
      note.parentNode.insertBefore(summary, note);
    }
    var list = summary.querySelector("ul");
    list.id = "errors";
    list.textContent = "";
    Object.keys(byId).forEach(function (id) {
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = "#" + id;
      a.textContent = byId[id];
      a.addEventListener("click", function (ev) { ev.preventDefault(); var t = el(id); if (t) { t.focus(); t.scrollIntoView({ block: "center" }); } });
      li.appendChild(a);
      list.appendChild(li);
    });
    return summary;
  }

  function toggles() {
    var other = el("condition-other");
    if (other) other.hidden = value("condition") !== "other" && !value("conditionOther");
    var health = el("health-consent");
    if (health) health.hidden = !healthState() && !checked("consentHealthData") && !el("consentHealthData").hasAttribute("aria-invalid");
  }

  form.addEventListener("submit", function (ev) {
    attempted = true;
    toggles();
    var errors = check();
    if (errors.length) {
      ev.preventDefault();
      var summary = show(errors);
      if (summary) summary.focus();
    }
  });
  function recheck() { if (attempted) show(check()); toggles(); }
  form.addEventListener("input", recheck);
  form.addEventListener("change", recheck);
  // Links in a summary the server rendered move the focus to their field, too.
  document.querySelectorAll("#error-summary a").forEach(function (a) {
    a.addEventListener("click", function (ev) { var t = el(a.getAttribute("href").substring(1)); if (t) { ev.preventDefault(); t.focus(); t.scrollIntoView({ block: "center" }); } });
  });
  if (el("error-summary")) { attempted = true; el("error-summary").focus(); }
  toggles();
})();
