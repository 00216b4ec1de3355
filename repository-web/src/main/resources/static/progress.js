// Live progress on the deposit page (progressive: without JavaScript the page reloads itself).
// Follows the job's server-sent events, shows each step as it comes, and reloads the page when
// the job has ended, so the report and the publish button appear.
(function () {
  'use strict';
  var box = document.getElementById('progress');
  if (!box || !window.EventSource) {
    return;
  }
  var bar = document.getElementById('progress-bar');
  var label = document.getElementById('progress-step');
  var list = document.getElementById('progress-steps');
  var source = new EventSource(box.getAttribute('data-events'));
  source.addEventListener('step', function (event) {
    var step = JSON.parse(event.data);
    bar.value = step.percent;
    bar.textContent = step.percent + '%';
    label.textContent = step.step.toLowerCase() + (step.message ? ': ' + step.message : '');
    var item = document.createElement('li');
    item.textContent = step.at + ': ' + (step.message || step.step.toLowerCase());
    list.appendChild(item);
  });
  source.addEventListener('end', function () {
    source.close();
    window.location.reload();
  });
})();
