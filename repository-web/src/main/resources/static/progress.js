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
  var badge = document.querySelector('.state');
  var source = new EventSource(box.getAttribute('data-events'));
  // one source of words for the badge and the progress line: the job's stage (the line adds
  // the step's latest message, an epoch of training say)
  function stage(words, message) {
    label.textContent = words + (message ? ': ' + message : '');
    if (badge) {
      badge.textContent = words;
    }
  }
  source.addEventListener('queue', function (event) {
    stage(JSON.parse(event.data).stage);
  });
  source.addEventListener('step', function (event) {
    var step = JSON.parse(event.data);
    bar.value = step.percent;
    bar.textContent = step.percent + '%';
    stage(step.stage, step.message);
    var item = document.createElement('li');
    item.textContent = step.when + ': ' + (step.message || step.stage);
    list.appendChild(item);
  });
  source.addEventListener('end', function () {
    source.close();
    window.location.reload();
  });
})();
