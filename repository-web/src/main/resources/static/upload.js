// Uploads on the deposit page, file by file with a progress bar each (progressive: without
// JavaScript the form sends all files at once and the page says what was refused). Files can be
// chosen or dropped on the form; each is sent on its own to the same address as the form, so one
// refused file does not hold back the others, its reason is shown beside it, and it can be sent
// again. When every file has been sent and none refused, the page reloads to show the tables.
(function () {
  'use strict';
  var form = document.querySelector('form[data-uploads]');
  if (!form || !window.XMLHttpRequest || !window.FormData || !window.DOMParser) {
    return;
  }
  var input = form.querySelector('input[type=file]');
  var csrf = form.querySelector('input[name=csrf]');
  var list = document.createElement('ul');
  list.className = 'uploads';
  list.setAttribute('aria-live', 'polite');
  form.appendChild(list);
  var pending = 0;
  var refused = 0;

  // the reason the server gave, read from the page it answered with (never the file's content)
  function reason(html) {
    var page = new DOMParser().parseFromString(html, 'text/html');
    var error = page.getElementById('upload-error') || page.querySelector('.error');
    return error ? error.textContent : 'the upload was refused';
  }

  function send(file, item) {
    var bar = item.querySelector('progress');
    var status = item.querySelector('.upload-status');
    var again = item.querySelector('button');
    again.hidden = true;
    status.textContent = 'sending';
    bar.value = 0;
    pending++;
    var body = new FormData();
    body.append('csrf', csrf.value);
    if (form.elements.encoding) {
      body.append('encoding', form.elements.encoding.value);
    }
    body.append('files', file, file.name);
    var request = new XMLHttpRequest();
    request.open('POST', form.getAttribute('action'));
    request.upload.addEventListener('progress', function (event) {
      if (event.lengthComputable) {
        bar.value = Math.round(100 * event.loaded / event.total);
        bar.textContent = bar.value + '%';
      }
    });
    request.addEventListener('load', function () {
      pending--;
      if (request.status < 400) {
        bar.value = 100;
        status.textContent = 'uploaded';
      } else {
        refused++;
        status.textContent = reason(request.responseText);
        item.classList.add('error');
        // sending the same bytes again helps only when the server or the limits were at fault;
        // a file refused for what it is would be refused again (choose another, or its encoding)
        again.hidden = !(request.status >= 500 || request.status === 429 || request.status === 408);
      }
      finished();
    });
    request.addEventListener('error', function () {
      pending--;
      refused++;
      status.textContent = 'the connection broke off; send it again';
      again.hidden = false;
      finished();
    });
    request.send(body);
  }

  function finished() {
    if (pending === 0 && refused === 0) {
      window.location.reload();
    }
  }

  function add(files) {
    // moving on to other files leaves the refused ones behind
    Array.prototype.forEach.call(list.querySelectorAll('li.error'), function (item) {
      list.removeChild(item);
    });
    refused = 0;
    Array.prototype.forEach.call(files, function (file) {
      var item = document.createElement('li');
      var name = document.createElement('span');
      name.textContent = file.name + ' ';
      var bar = document.createElement('progress');
      bar.max = 100;
      bar.setAttribute('aria-label', 'Upload of ' + file.name);
      var status = document.createElement('span');
      status.className = 'upload-status';
      var again = document.createElement('button');
      again.type = 'button';
      again.className = 'quiet';
      again.textContent = 'Send ' + file.name + ' again';
      again.addEventListener('click', function () {
        refused--;
        item.classList.remove('error');
        send(file, item);
      });
      item.appendChild(name);
      item.appendChild(bar);
      item.appendChild(document.createTextNode(' '));
      item.appendChild(status);
      item.appendChild(document.createTextNode(' '));
      item.appendChild(again);
      list.appendChild(item);
      send(file, item);
    });
  }

  form.addEventListener('submit', function (event) {
    if (input.files.length === 0) {
      return; // the server says what is missing
    }
    event.preventDefault();
    add(input.files);
    input.value = '';
  });
  form.addEventListener('dragover', function (event) {
    event.preventDefault();
    form.classList.add('dropping');
  });
  form.addEventListener('dragleave', function () {
    form.classList.remove('dropping');
  });
  form.addEventListener('drop', function (event) {
    event.preventDefault();
    form.classList.remove('dropping');
    if (event.dataTransfer && event.dataTransfer.files.length > 0) {
      add(event.dataTransfer.files);
    }
  });
  var hint = document.createElement('p');
  hint.textContent = 'Or drop the files on this form.';
  input.parentNode.insertBefore(hint, input.nextSibling);
})();
