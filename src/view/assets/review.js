// trajsynth review page: asks the server for the next task, shows it with its gold trajectory
// (the viewer's timeline), and posts the reviewer's verdict. Everything stays on this server.
(function () {
  'use strict';

  var container = document.getElementById('review-task');
  var form = document.getElementById('verdict-form');
  var notice = document.getElementById('notice');
  var progress = document.getElementById('progress');
  var reasons = document.getElementById('reasons');
  var current = null;

  function say(text, bad, againId) {
    notice.textContent = text;
    notice.className = bad ? 'notice bad' : 'notice';
    notice.hidden = !text;
    if (againId) {
      // A slip is fixed by judging again: the latest verdict counts, the earlier line stays.
      var again = document.createElement('a');
      again.href = '#';
      again.id = 'judge-again';
      again.textContent = 'Change this verdict';
      again.addEventListener('click', function (event) {
        event.preventDefault();
        say('');
        load(againId);
      });
      notice.appendChild(document.createTextNode(' '));
      notice.appendChild(again);
    }
  }

  // Only the latest request shows its task: "Change this verdict" may be clicked while the next task loads.
  var ticket = 0;

  function load(taskId) {
    var mine = ++ticket;
    return fetch('/api/next' + (taskId ? '?task=' + encodeURIComponent(taskId) : ''))
      .then(function (response) { return response.json().then(function (body) { return { ok: response.ok, body: body }; }); })
      .then(function (result) {
        if (mine !== ticket) return;
        if (!result.ok) throw new Error(result.body.error || 'the server could not give the next task');
        var next = result.body;
        progress.textContent = next.reviewed + ' reviewed by you · ' + next.remaining + ' left for you of ' + next.total;
        if (next.done) {
          current = null;
          container.innerHTML = '<p class="empty">Nothing left for you to review: every task is judged by you or has reached consensus.</p>';
          form.hidden = true;
          return;
        }
        current = next;
        container.innerHTML = next.html;
        window.trajsynthTimeline(next.model, '/', container);
        form.reset();
        reasons.disabled = true;
        form.hidden = false;
      })
      .catch(function (error) { say(String(error.message || error), true); });
  }

  form.addEventListener('change', function () {
    var chosen = form.querySelector('input[name="verdict"]:checked');
    reasons.disabled = !chosen || chosen.value !== 'invalid';
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!current) return;
    var verdict = form.querySelector('input[name="verdict"]:checked');
    var reason = form.querySelector('input[name="reason"]:checked');
    var body = {
      taskId: current.taskId,
      queue: current.queue === 'chosen' ? '' : current.queue,
      verdict: verdict ? verdict.value : '',
      reason: verdict && verdict.value === 'invalid' && reason ? reason.value : '',
      comment: form.elements.comment.value,
    };
    fetch('/api/verdict', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (response) { return response.json().then(function (answer) { return { ok: response.ok, answer: answer }; }); })
      .then(function (result) {
        if (!result.ok) throw new Error(result.answer.error || 'the verdict was not recorded');
        var recorded = result.answer.recorded;
        say('Recorded: ' + recorded.taskId + ' ' + recorded.verdict + (recorded.reason ? ' (' + recorded.reason + ')' : '') + '.', false, recorded.taskId);
        window.scrollTo(0, 0);
        return load();
      })
      .catch(function (error) { say(String(error.message || error), true); });
  });

  load();
})();
