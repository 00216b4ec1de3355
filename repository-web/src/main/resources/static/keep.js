// Nothing typed is lost when the session ends in the middle of a form, and nothing stale is shown
// after the back button (progressive: without JavaScript the server still says what happened).
// A form marked data-keep writes its fields to this tab's sessionStorage as it is sent. When the
// server finds the session gone, it sends the depositor to sign in and back to the form's page
// with ?restore=1; there the fields are put back, for them to check and send again. Kept fields
// live only through that detour: any other page forgets them, so nothing typed lingers in the tab.
// Passwords, files and hidden fields (the CSRF token) are never kept.
(function () {
  'use strict';
  var PREFIX = 'facsimile.kept:';
  var storage;
  try {
    storage = window.sessionStorage;
  } catch (e) {
    return;
  }
  var restoring = /[?&]restore=1(&|$)/.test(window.location.search);
  var signingIn = window.location.pathname === '/sign-in';

  function keyOf(form) {
    return PREFIX + form.getAttribute('action');
  }

  function kept(field) {
    return field.name && ['hidden', 'password', 'file', 'submit', 'button'].indexOf(field.type) < 0;
  }

  function save(form) {
    var fields = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!kept(field)) {
        return;
      }
      var values = fields[field.name] || (fields[field.name] = []);
      if (field.type === 'checkbox' || field.type === 'radio') {
        values.push(field.checked ? field.value : null);
      } else if (field.tagName === 'SELECT') {
        values.push(Array.prototype.filter.call(field.options, function (o) {
          return o.selected;
        }).map(function (o) {
          return o.value;
        }));
      } else {
        values.push(field.value);
      }
    });
    try {
      storage.setItem(keyOf(form), JSON.stringify(fields));
    } catch (e) {
      // a full or disabled storage: the form is sent as it is
    }
  }

  function restore(form) {
    var fields;
    try {
      fields = JSON.parse(storage.getItem(keyOf(form)) || 'null');
    } catch (e) {
      fields = null;
    }
    storage.removeItem(keyOf(form));
    if (!fields) {
      return;
    }
    var seen = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!kept(field) || !fields[field.name]) {
        return;
      }
      var index = seen[field.name] = (seen[field.name] || 0) + 1;
      var value = fields[field.name][index - 1];
      if (value === undefined) {
        return;
      }
      if (field.type === 'checkbox' || field.type === 'radio') {
        field.checked = value === field.value;
      } else if (field.tagName === 'SELECT') {
        Array.prototype.forEach.call(field.options, function (o) {
          o.selected = value.indexOf(o.value) >= 0;
        });
      } else {
        field.value = value;
      }
    });
    var note = document.createElement('p');
    note.className = 'notice';
    note.setAttribute('role', 'status');
    note.textContent = 'What you typed before signing in again is back in the form: check it and send it again.';
    form.parentNode.insertBefore(note, form);
  }

  // A page brought back by the back button from the browser's back-forward cache shows what was
  // true when it was left (a deposit not yet published, a Publish button): load it again instead,
  // so it shows where things stand now.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      window.location.reload();
    }
  });

  var forms = document.querySelectorAll('form[data-keep]');
  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener('submit', function () {
      save(form);
    });
    if (restoring) {
      restore(form);
    }
  });
  if (!restoring && !signingIn) {
    for (var i = storage.length - 1; i >= 0; i--) {
      var key = storage.key(i);
      if (key && key.indexOf(PREFIX) === 0) {
        storage.removeItem(key);
      }
    }
  }
})();
