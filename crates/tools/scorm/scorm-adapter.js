// Connects the <scam-spot> element of the SCORM package's page (scorm.html,
// written by `cargo scamspot-scorm`) to the LMS through the SCORM 1.2 API:
// the LMS's learner id becomes the element's `learner`, and each finished
// round sets the score (0..100), passed or failed by the mastery score, the
// session time and a small summary in cmi.suspend_data. It runs before
// embed.js, so the attribute is there before the app reads it. Errors the LMS
// reports are logged, never thrown: the round plays on whatever the LMS does.
(function () {
  'use strict';
  /** How many parent frames the standard search climbs (ADL's SCORM 1.2 "findAPI"). */
  const MAX_PARENTS = 7;
  /** What the app accepts as a learner id (README "Put it on your site"). */
  const LEARNER_ID = /^[A-Za-z0-9._:@-]{1,64}$/;

  const element = document.querySelector('scam-spot');
  const startedAt = Date.now();
  const log = message => console.warn('scorm-adapter: ' + message);

  /** window.API in `win` or up to MAX_PARENTS frames above it. A frame of another origin is climbed past. */
  function findApi(win) {
    for (let depth = 0; win && depth <= MAX_PARENTS; depth++) {
      try {
        if (win.API) return win.API;
      } catch (e) { /* another origin's frame: its API is not ours to use */ }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }

  const api = findApi(window) || findApi(window.opener);
  if (!element) return log('no <scam-spot> element on the page');
  if (!api) return log('no SCORM 1.2 API (window.API) in the parent frames or the opener: the round plays, its result goes nowhere');

  /** Calls the API, logging the LMS's error (LMSGetLastError) instead of throwing. */
  function call(name, ...args) {
    let value = '';
    try {
      value = String(api[name](...args));
      const code = String(api.LMSGetLastError());
      if (code !== '0' && code !== '') log(`${name}(${args.join(', ')}): LMS error ${code} ${api.LMSGetErrorString(code)}`);
    } catch (e) {
      log(`${name}(${args.join(', ')}) threw ${e}`);
    }
    return value;
  }
  const get = name => call('LMSGetValue', name);
  const set = (name, value) => call('LMSSetValue', name, String(value));

  if (call('LMSInitialize', '') !== 'true') return log('LMSInitialize failed: nothing is reported');

  const learner = learnerId(get('cmi.core.student_id'));
  if (learner) element.setAttribute('learner', learner);
  // Started: the LMS lists the course as in progress until a round ends.
  if (['', 'not attempted'].includes(get('cmi.core.lesson_status'))) set('cmi.core.lesson_status', 'incomplete');
  // The LMS's mastery score (from the manifest's adlcp:masteryscore, or as the course sets it), else the page's pass mark.
  const lmsMastery = get('cmi.student_data.mastery_score').trim();
  const mastery = lmsMastery !== '' && Number.isFinite(Number(lmsMastery)) ? Number(lmsMastery) : Number(element.dataset.passMark);
  /** The best score of this attempt so far (a previous session's, from cmi.suspend_data), or null. */
  let best = restoreBest(get('cmi.suspend_data'));

  element.addEventListener('scamspot:result', event => {
    const result = event.detail || {};
    // A round left early is not graded: the status stays what it was.
    if (result.completed) {
      const last = summary(result);
      // Retakes are allowed: the LMS keeps the best round of this attempt.
      best = Math.max(last.raw, best ?? 0);
      set('cmi.core.score.min', 0);
      set('cmi.core.score.max', 100);
      set('cmi.core.score.raw', best);
      set('cmi.core.lesson_status', best >= mastery ? 'passed' : 'failed');
      // Whole numbers in a fixed shape: about 150 characters, far below SCORM 1.2's limit of 4,096.
      set('cmi.suspend_data', JSON.stringify({ v: 1, best, last }));
    }
    set('cmi.core.session_time', sessionTime(Date.now() - startedAt));
    call('LMSCommit', '');
  });

  let finished = false;
  addEventListener('pagehide', () => {
    if (finished) return;
    finished = true;
    set('cmi.core.session_time', sessionTime(Date.now() - startedAt));
    // Resumable until passed, so the next launch still has this attempt's best round.
    set('cmi.core.exit', best !== null && best >= mastery ? '' : 'suspend');
    call('LMSCommit', '');
    call('LMSFinish', '');
  });

  /** The LMS's id as the app accepts it, else an opaque hash of it (never the id's own characters). */
  function learnerId(id) {
    if (id === '' || LEARNER_ID.test(id)) return id;
    // cyrb53: a 53-bit string hash, enough to keep one LMS's learners apart.
    let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
    for (const ch of id) {
      const c = ch.codePointAt(0);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return 'lms-' + (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
  }

  /** The round in whole numbers: score 0..100 and the counts a teacher may want to read back. */
  function summary(result) {
    const count = value => Math.max(0, Math.min(1e6, Math.round(Number(value) || 0)));
    const max = count(result.max_score);
    return {
      raw: max > 0 ? Math.min(100, Math.round((100 * count(result.score)) / max)) : 0,
      scams: [count(result.scams_caught), count(result.scams_total)],
      genuine: [Math.max(0, count(result.genuine_total) - count(result.genuine_refused)), count(result.genuine_total)],
      flags: [count(result.flags_found), count(result.flags_total)],
      seconds: count(result.duration_seconds),
    };
  }

  /** The best score a previous session left in cmi.suspend_data, or null. */
  function restoreBest(text) {
    if (!text) return null;
    try {
      const data = JSON.parse(text);
      if (data && data.v === 1 && Number.isFinite(data.best)) return Math.max(0, Math.min(100, data.best));
    } catch (e) { /* below */ }
    log('cmi.suspend_data is not ours; it is replaced after the next round');
    return null;
  }

  /** Milliseconds as SCORM 1.2's CMITimespan, HHHH:MM:SS.SS (hours at most 9999). */
  function sessionTime(ms) {
    const centiseconds = Math.min(Math.round(ms / 10), 9999 * 360000 + 359999);
    const pad = (n, width) => String(n).padStart(width, '0');
    const hours = Math.floor(centiseconds / 360000);
    const minutes = Math.floor(centiseconds / 6000) % 60;
    const seconds = Math.floor(centiseconds / 100) % 60;
    return `${pad(hours, 4)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(centiseconds % 100, 2)}`;
  }
})();
