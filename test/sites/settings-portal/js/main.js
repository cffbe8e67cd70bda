/*
 * Brightwave account settings - main.js
 * Loaded on every settings page. Settings are kept in localStorage under "bw_account_settings".
 */
(function () {
  'use strict';

  var STORAGE_KEY = 'bw_account_settings';

  var DEFAULTS = {
    profile: {
      firstName: 'Maya',
      lastName: 'Rodriguez',
      email: 'maya.rodriguez@northpeak.co',
      jobTitle: 'Product Designer',
      country: 'PT',
      website: 'https://mayarodriguez.design',
      bio: 'Product designer at Northpeak Studio. I care about calm interfaces, honest charts and good coffee.',
      showEmail: false
    },
    notifications: {
      comments: true,
      mentions: true,
      invites: true,
      usage: false,
      product: true,
      tips: false,
      security: true,
      billing: true
    },
    digest: 'weekly',
    twoFactor: false,
    sessions: [
      { id: 'sess_8f21', device: 'Safari on iPhone 15', location: 'Lisbon, Portugal', ip: '85.240.12.7', lastActive: 'Mar 13, 2026 21:04' },
      { id: 'sess_3c90', device: 'Firefox on Windows 11', location: 'Porto, Portugal', ip: '89.153.40.211', lastActive: 'Mar 11, 2026 09:12' },
      { id: 'sess_b7d4', device: 'Chrome on Android', location: 'Madrid, Spain', ip: '83.44.120.9', lastActive: 'Mar 2, 2026 18:40' },
      { id: 'sess_1e5a', device: 'Edge on Windows 10', location: 'Austin, United States', ip: '72.182.33.140', lastActive: 'Feb 21, 2026 14:55' }
    ],
    plan: 'pro'
  };

  var PLANS = {
    free: { name: 'Free', price: '$0 / month' },
    pro: { name: 'Pro', price: '$29 / month' },
    team: { name: 'Team', price: '$79 / month' }
  };

  var ICON_LAPTOP = '<svg width="20" height="20" viewBox="0 0 24 24"><rect x="4" y="5" width="16" height="11" rx="1.5" fill="none" stroke="#475569" stroke-width="1.8"/><path d="M2 19h20" stroke="#475569" stroke-width="1.8" stroke-linecap="round"/></svg>';
  var ICON_PHONE = '<svg width="20" height="20" viewBox="0 0 24 24"><rect x="7" y="2.5" width="10" height="19" rx="2" fill="none" stroke="#475569" stroke-width="1.8"/><circle cx="12" cy="18" r="1" fill="#475569"/></svg>';

  var DIGEST_LABELS = { daily: 'Daily', weekly: 'Weekly', never: 'Never' };

  /* ---------------- storage helpers ---------------- */

  function clone(obj) {
    return JSON.parse(JSON.stringify(obj));
  }

  function getSettings() {
    var raw = null;
    try {
      raw = window.localStorage.getItem(STORAGE_KEY);
    } catch (e) { /* private mode etc. */ }
    if (!raw) {
      var fresh = clone(DEFAULTS);
      saveSettings(fresh);
      return fresh;
    }
    try {
      return JSON.parse(raw);
    } catch (e) {
      return clone(DEFAULTS);
    }
  }

  function saveSettings(settings) {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
  }

  /* ---------------- DOM helpers ---------------- */

  function $(selector, ctx) {
    return (ctx || document).querySelector(selector);
  }

  function $$(selector, ctx) {
    return Array.prototype.slice.call((ctx || document).querySelectorAll(selector));
  }

  function escapeHtml(str) {
    return String(str)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;');
  }

  function countryName(code) {
    var select = $('#country');
    var names = {
      AU: 'Australia', BR: 'Brazil', CA: 'Canada', FR: 'France', DE: 'Germany', IN: 'India', IE: 'Ireland',
      JP: 'Japan', MX: 'Mexico', NL: 'Netherlands', PT: 'Portugal', ES: 'Spain', GB: 'United Kingdom', US: 'United States'
    };
    if (select) {
      var opt = select.querySelector('option[value="' + code + '"]');
      if (opt) return opt.textContent;
    }
    return names[code] || code;
  }

  function countOn(notifications) {
    var on = 0, total = 0;
    for (var key in notifications) {
      if (Object.prototype.hasOwnProperty.call(notifications, key)) {
        total++;
        if (notifications[key]) on++;
      }
    }
    return { on: on, total: total };
  }

  var alertTimer = null;

  function showAlert(type, message) {
    var box = $('#page-alert');
    if (!box) return;
    box.className = 'alert alert-' + type;
    box.innerHTML = '<span class="alert-text">' + message + '</span>' +
      '<button type="button" class="close" aria-label="Close">&times;</button>';
    box.hidden = false;
    box.querySelector('.close').addEventListener('click', function () {
      box.hidden = true;
    });
    window.scrollTo(0, 0);
  }

  function hideAlert() {
    var box = $('#page-alert');
    if (box) box.hidden = true;
  }

  /* ---------------- shared chrome ---------------- */

  function fillNavUser(settings) {
    var p = settings.profile;
    var name = (p.firstName + ' ' + p.lastName).trim();
    $('#nav-username').textContent = name || p.email;
    $('#nav-initials').textContent = ((p.firstName || '?').charAt(0) + (p.lastName || '').charAt(0)).toUpperCase();
  }

  /* ---------------- overview / dashboard ---------------- */

  function initDashboard(settings) {
    var p = settings.profile;
    var counts = countOn(settings.notifications);
    var values = {
      firstName: p.firstName,
      fullName: (p.firstName + ' ' + p.lastName).trim(),
      email: p.email,
      jobTitle: p.jobTitle || '—',
      countryName: countryName(p.country),
      planName: PLANS[settings.plan].name,
      planPrice: PLANS[settings.plan].price,
      notifOn: counts.on,
      notifTotal: counts.total,
      digest: DIGEST_LABELS[settings.digest],
      twoFactor: settings.twoFactor ? 'On' : 'Off',
      sessionCount: settings.sessions.length
    };
    $$('[data-field]').forEach(function (el) {
      var key = el.getAttribute('data-field');
      if (values.hasOwnProperty(key)) el.textContent = values[key];
    });
    var badge = $('[data-field="twoFactor"]');
    badge.className = settings.twoFactor ? 'badge badge-success' : 'badge badge-warning';
  }

  /* ---------------- profile ---------------- */

  function fillProfileForm(settings) {
    var p = settings.profile;
    $('#first_name').value = p.firstName;
    $('#last_name').value = p.lastName;
    $('#email').value = p.email;
    $('#job_title').value = p.jobTitle;
    $('#country').value = p.country;
    $('#website').value = p.website;
    $('#bio').value = p.bio;
    $('#show_email').checked = !!p.showEmail;
    updateBioCount();
    clearErrors();
  }

  function updateBioCount() {
    var bio = $('#bio');
    var left = 280 - bio.value.length;
    $('#bio_count').textContent = left + (left === 1 ? ' character left' : ' characters left');
  }

  function clearErrors() {
    $$('.is-invalid').forEach(function (el) { el.classList.remove('is-invalid'); el.removeAttribute('aria-invalid'); });
    $$('.invalid-feedback').forEach(function (el) { el.textContent = ''; });
  }

  function fieldError(input, errorEl, message) {
    input.classList.add('is-invalid');
    input.setAttribute('aria-invalid', 'true');
    errorEl.textContent = message;
  }

  function initProfile(settings) {
    fillProfileForm(settings);

    $('#bio').addEventListener('input', updateBioCount);

    $('#profile-cancel').addEventListener('click', function () {
      fillProfileForm(getSettings());
      hideAlert();
    });

    $('#profile-form').addEventListener('submit', function (e) {
      e.preventDefault();
      clearErrors();
      var first = $('#first_name');
      var email = $('#email');
      var ok = true;
      if (!first.value.trim()) {
        fieldError(first, $('#first_name_error'), 'First name is required.');
        ok = false;
      }
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.value.trim())) {
        fieldError(email, $('#email_error'), 'Please enter a valid email address.');
        ok = false;
      }
      if (!ok) {
        showAlert('danger', 'Please fix the highlighted fields and try again.');
        return;
      }
      var s = getSettings();
      s.profile = {
        firstName: first.value.trim(),
        lastName: $('#last_name').value.trim(),
        email: email.value.trim(),
        jobTitle: $('#job_title').value.trim(),
        country: $('#country').value,
        website: $('#website').value.trim(),
        bio: $('#bio').value,
        showEmail: $('#show_email').checked
      };
      saveSettings(s);
      fillNavUser(s);
      showAlert('success', '<strong>Saved.</strong> Your profile has been updated.');
    });
  }

  /* ---------------- notifications ---------------- */

  var savedTimer = null;

  function flashSaved(text) {
    var status = $('#save-status');
    status.textContent = text || 'Saved';
    status.classList.add('visible');
    clearTimeout(savedTimer);
    savedTimer = setTimeout(function () { status.classList.remove('visible'); }, 2500);
  }

  function renderNotifCount(settings) {
    var c = countOn(settings.notifications);
    $('#notif-count').textContent = c.on + ' of ' + c.total;
  }

  function initNotifications(settings) {
    $$('.switch[data-key]').forEach(function (input) {
      input.checked = !!settings.notifications[input.getAttribute('data-key')];
      input.addEventListener('change', function () {
        var s = getSettings();
        s.notifications[input.getAttribute('data-key')] = input.checked;
        saveSettings(s);
        renderNotifCount(s);
        flashSaved('Saved');
      });
    });

    $$('input[name="digest"]').forEach(function (radio) {
      radio.checked = radio.value === settings.digest;
      radio.addEventListener('change', function () {
        if (!radio.checked) return;
        var s = getSettings();
        s.digest = radio.value;
        saveSettings(s);
        flashSaved('Saved');
      });
    });

    $('#notif-off-all').addEventListener('click', function () {
      var s = getSettings();
      for (var key in s.notifications) {
        if (s.notifications.hasOwnProperty(key)) s.notifications[key] = false;
      }
      saveSettings(s);
      $$('.switch[data-key]').forEach(function (input) { input.checked = false; });
      renderNotifCount(s);
      showAlert('info', 'All notifications have been turned off. You can turn them back on at any time.');
    });

    renderNotifCount(settings);
  }

  /* ---------------- security ---------------- */

  function renderSessions(settings) {
    var list = $('#session-list');
    if (!settings.sessions.length) {
      list.innerHTML = '<li class="session session-empty text-muted">No other active sessions.</li>';
    } else {
      list.innerHTML = settings.sessions.map(function (s) {
        return '<li class="session" data-session="' + s.id + '">' +
          '<div class="session-icon" aria-hidden="true">' + (/iPhone|Android/.test(s.device) ? ICON_PHONE : ICON_LAPTOP) + '</div>' +
          '<div class="session-info"><strong>' + escapeHtml(s.device) + '</strong>' +
          '<div class="text-muted">' + escapeHtml(s.location) + ' &middot; ' + s.ip + ' &middot; Last active ' + s.lastActive + '</div></div>' +
          '<button type="button" class="btn btn-sm btn-outline js-signout" data-id="' + s.id + '">Sign out</button>' +
          '</li>';
      }).join('');
    }
    $('#session-count').textContent = settings.sessions.length;
    $('#signout-all').disabled = settings.sessions.length === 0;
  }

  function renderTwoFactor(enabled) {
    $('#tfa_enabled').checked = enabled;
    var badge = $('#tfa-badge');
    badge.textContent = enabled ? 'On' : 'Off';
    badge.className = enabled ? 'badge badge-success' : 'badge badge-warning';
    $('#tfa-status-text').textContent = enabled
      ? 'A code from your authenticator app is required on new devices.'
      : 'Your account is protected by your password only.';
  }

  function initSecurity(settings) {
    renderSessions(settings);
    renderTwoFactor(settings.twoFactor);

    // Sign out single session (delegated, list is re-rendered)
    $('#session-list').addEventListener('click', function (e) {
      var btn = e.target.closest('.js-signout');
      if (!btn) return;
      var s = getSettings();
      var removed = null;
      s.sessions = s.sessions.filter(function (sess) {
        if (sess.id === btn.getAttribute('data-id')) { removed = sess; return false; }
        return true;
      });
      saveSettings(s);
      renderSessions(s);
      if (removed) showAlert('success', 'Signed out of ' + escapeHtml(removed.device) + ' (' + escapeHtml(removed.location) + ').');
    });

    $('#signout-all').addEventListener('click', function () {
      var s = getSettings();
      var n = s.sessions.length;
      s.sessions = [];
      saveSettings(s);
      renderSessions(s);
      showAlert('success', 'Signed out of ' + n + ' other session' + (n === 1 ? '' : 's') + '.');
    });

    // Help "?" popover
    var helpBtn = $('#tfa-help-btn');
    helpBtn.addEventListener('click', function () {
      var pop = $('#tfa-help');
      pop.hidden = !pop.hidden;
      helpBtn.setAttribute('aria-expanded', String(!pop.hidden));
    });

    // Two-factor switch -> confirm dialog
    var tfa = $('#tfa_enabled');
    var dialog = $('#tfa-dialog');
    var wanted = false;
    tfa.addEventListener('change', function () {
      wanted = tfa.checked;
      tfa.checked = !wanted; // nothing changes until confirmed
      $('#tfa-dialog-title').textContent = wanted ? 'Turn on two-factor authentication?' : 'Turn off two-factor authentication?';
      $('#tfa-dialog-body').textContent = wanted
        ? 'You\u2019ll need a code from your authenticator app the next time you sign in on a new device.'
        : 'Your account will only be protected by your password. We don\u2019t recommend this.';
      var confirmBtn = $('#tfa-dialog-confirm');
      confirmBtn.textContent = wanted ? 'Turn on' : 'Turn off';
      confirmBtn.className = wanted ? 'btn btn-primary' : 'btn btn-danger';
      dialog.returnValue = '';
      dialog.showModal();
    });
    dialog.addEventListener('close', function () {
      if (dialog.returnValue !== 'confirm') return;
      var s = getSettings();
      s.twoFactor = wanted;
      saveSettings(s);
      renderTwoFactor(wanted);
      showAlert('success', wanted ? 'Two-factor authentication is now on.' : 'Two-factor authentication has been turned off.');
    });

    // Password form (not persisted; there is no server)
    $('#password-form').addEventListener('submit', function (e) {
      e.preventDefault();
      clearErrors();
      var cur = $('#current_password'), np = $('#new_password'), cp = $('#confirm_password');
      var err = $('#password_error');
      if (!cur.value) {
        fieldError(cur, err, 'Enter your current password.');
      } else if (np.value.length < 10) {
        fieldError(np, err, 'Your new password must be at least 10 characters.');
      } else if (np.value !== cp.value) {
        fieldError(cp, err, 'The new passwords do not match.');
      } else {
        cur.value = np.value = cp.value = '';
        showAlert('success', 'Your password has been updated.');
      }
    });
  }

  /* ---------------- billing ---------------- */

  function markCurrentPlan(plan) {
    $$('.plan-card').forEach(function (card) {
      var isCurrent = card.getAttribute('data-plan') === plan;
      card.classList.toggle('is-current', isCurrent);
    });
    $('#current-plan-name').textContent = PLANS[plan].name;
  }

  function syncPlanSelection() {
    var s = getSettings();
    var picked = $('input[name="plan"]:checked');
    $$('.plan-card').forEach(function (card) {
      card.classList.toggle('is-selected', !!picked && card.getAttribute('data-plan') === picked.value);
    });
    var changed = picked && picked.value !== s.plan;
    $('#change-plan').disabled = !changed;
    $('#plan-hint').textContent = changed
      ? 'You are switching from ' + PLANS[s.plan].name + ' to ' + PLANS[picked.value].name + ' (' + PLANS[picked.value].price + ').'
      : 'Select a plan to change your subscription.';
  }

  function filterInvoices() {
    var year = $('#invoice-year').value;
    var shown = 0;
    $$('#invoice-table tbody tr').forEach(function (tr) {
      var match = tr.getAttribute('data-year') === year;
      tr.style.display = match ? '' : 'none';
      if (match) shown++;
    });
    $('#invoice-count').textContent = 'Showing ' + shown + ' invoice' + (shown === 1 ? '' : 's') + ' for ' + year + '.';
  }

  function initBilling(settings) {
    $$('input[name="plan"]').forEach(function (radio) {
      radio.checked = radio.value === settings.plan;
      radio.addEventListener('change', syncPlanSelection);
    });
    markCurrentPlan(settings.plan);
    syncPlanSelection();

    $('#change-plan').addEventListener('click', function () {
      var picked = $('input[name="plan"]:checked');
      if (!picked) return;
      var s = getSettings();
      var from = PLANS[s.plan].name;
      s.plan = picked.value;
      saveSettings(s);
      markCurrentPlan(s.plan);
      syncPlanSelection();
      showAlert('success', 'Your plan has been changed from ' + from + ' to <strong>' + PLANS[s.plan].name + '</strong>. The new price applies from your next invoice.');
    });

    $('#invoice-year').addEventListener('change', filterInvoices);
    filterInvoices();
  }

  /* ---------------- boot ---------------- */

  document.addEventListener('DOMContentLoaded', function () {
    var settings = getSettings();
    fillNavUser(settings);

    switch (document.body.getAttribute('data-page')) {
      case 'dashboard': initDashboard(settings); break;
      case 'profile': initProfile(settings); break;
      case 'notifications': initNotifications(settings); break;
      case 'security': initSecurity(settings); break;
      case 'billing': initBilling(settings); break;
    }
  });
})();
