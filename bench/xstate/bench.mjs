// XState 5 peer of the uitdaag benchmark.
//
// Builds XState machines that translate two workflows of the project's YAML language by hand:
//   linear        bench/workflows/linear.yaml
//   uitdaagrecht  workflows/uitdaagrecht.yaml
// replays the simulation scripts bench/paths/<workflow>.yaml against them, and prints one JSON line
// per workflow with the complete runs per second that XState reaches. README.md beside this file
// says how the YAML concepts map onto XState and what is left out.
//
//   node bench/xstate/bench.mjs --paths bench/paths --seconds 2
//
// Before anything is timed, two checks fail loudly (exit code 1):
//   1. the transcription below is compared, key by key, with the workflow YAML it translates
//      (states, transitions, guard and assignment texts, letters, deadline actions, roles, any_state
//      and its except lists), so the two cannot drift apart unnoticed;
//   2. the path is replayed once step by step, checking every `expect: state`, `expect: letters`
//      and `expect: data` the script gives.
// Every timed run then asserts that the final snapshot is in the last step's expected state.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { assign, createActor, createMachine } from 'xstate';
import YAML from 'yaml';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const XSTATE_VERSION = createRequire(import.meta.url)('xstate/package.json').version;

// ---------------------------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
  const opts = {
    paths: path.join(repoRoot, 'bench', 'paths'),
    seconds: 2,
    maxRuns: 5_000_000,
    warmupSeconds: 0.5,
    warmupRuns: 20_000,
    only: null,
  };
  const need = (i, flag) => {
    if (i + 1 >= argv.length) die(`${flag} needs a value`);
    return argv[i + 1];
  };
  const positive = (text, flag) => {
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0) die(`${flag} must be a positive number, got '${text}'`);
    return n;
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    switch (arg) {
      case '--paths': opts.paths = path.resolve(need(i, arg)); i += 1; break;
      case '--seconds': opts.seconds = positive(need(i, arg), arg); i += 1; break;
      case '--max-runs': opts.maxRuns = Math.floor(positive(need(i, arg), arg)); i += 1; break;
      case '--warmup-seconds': opts.warmupSeconds = positive(need(i, arg), arg); i += 1; break;
      case '--warmup-runs': opts.warmupRuns = Math.floor(positive(need(i, arg), arg)); i += 1; break;
      case '--workflow': opts.only = need(i, arg); i += 1; break;
      case '-h':
      case '--help':
        process.stdout.write(
          'usage: node bench.mjs [--paths DIR] [--seconds N] [--max-runs N]\n' +
          '                      [--warmup-seconds N] [--warmup-runs N] [--workflow linear|uitdaagrecht]\n');
        process.exit(0);
        break;
      default: die(`unknown argument '${arg}' (try --help)`);
    }
  }
  return opts;
}

function die(message) {
  process.stderr.write(`bench.mjs: ${message}\n`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// The case context and the engine's transition semantics, as XState guards and assign actions.
//
// The context mirrors the C++ CaseSnapshot (engine/include/uitdaag/case.h): form data and
// variables, criterion scores, deadline tracks, the assigned role and a version counter. Effects
// (letters, notifications, deadline changes) are values appended to `effects`, as the engine
// lists them; nothing is carried out and no real timer is scheduled.

// Wraps a hand-translated expression together with its YAML source text, so that the structural
// check can compare the text with the workflow file.
const expr = (src, fn) => ({ src, fn });

function track(context, id) {
  return context.deadlines[id];
}
// `deadline.<id>.active`: running or suspended.
function deadlineActive(context, id) {
  const t = context.deadlines[id];
  return t !== undefined && (t.status === 'running' || t.status === 'suspended');
}
// `deadline.<id>.expired`: its expiry timer fired and nothing stopped or restarted it since.
function deadlineExpired(context, id) {
  const t = context.deadlines[id];
  return t !== undefined && t.status === 'expired';
}
// `assessment.*` for the workflow's criteria (only `complete` and `passed` are used by guards).
function assessment(def, context) {
  let scored = 0;
  let failed = 0;
  for (const c of def.criteria) {
    const s = context.scores[c.id];
    if (s === undefined) continue;
    scored += 1;
    if (c.minimum !== undefined && s.score < c.minimum) failed += 1;
  }
  const complete = scored === def.criteria.length;
  return { complete, passed: complete && failed === 0, scored, failed };
}

// A deadline action the engine would refuse makes it reject the whole step; here such a
// transition is simply not enabled. The workflows translated here never offer a second
// candidate for an event whose first candidate has a deadline precondition, so the outcome is
// the same (see README.md).
function deadlineActionsFit(context, actions) {
  if (!actions) return true;
  for (const s of actions.suspend ?? []) {
    const t = track(context, typeof s === 'string' ? s : s.deadline);
    if (t === undefined || t.status !== 'running') return false;
  }
  for (const id of actions.resume ?? []) {
    const t = track(context, id);
    if (t === undefined || t.status !== 'suspended') return false;
  }
  for (const e of actions.extend ?? []) {
    if (!deadlineActive(context, e.deadline)) return false;
  }
  for (const id of actions.notice_of_default ?? []) {
    const t = track(context, id);
    if (t === undefined || t.status !== 'expired' || t.noticeOfDefault) return false;
  }
  return true;
}

// The context the guards of a timer event see: its deadline already marked expired, as in
// StepTimer (engine/src/core/timers.cc).
function withExpired(context, deadlineId) {
  const t = context.deadlines[deadlineId];
  return {
    ...context,
    deadlines: { ...context.deadlines, [deadlineId]: { ...t, status: 'expired', expiryFired: true } },
  };
}

// Whether a timer event for this deadline may fire now: only a running track has timers, and
// each fires once per round.
function expiryDue(context, deadlineId) {
  const t = context.deadlines[deadlineId];
  return t !== undefined && t.status === 'running' && !t.expiryFired;
}

// Who may send an event: one of its roles, or (timer events) only the clock.
function roleAllowed(eventDef, event) {
  if (eventDef.timer) return event.timer === true;
  return event.timer !== true && eventDef.roles.includes(event.role);
}

// Applies the deadline actions of a transition to a copy of the tracks, in the engine's order:
// stop, suspend, resume, extend, start, notice_of_default.
function applyDeadlineActions(deadlines, actions, eventType, effects) {
  const next = { ...deadlines };
  for (const id of actions.stop ?? []) stopTrack(next, id, effects);
  for (const s of actions.suspend ?? []) {
    const id = typeof s === 'string' ? s : s.deadline;
    const reason = typeof s === 'string' ? '' : s.reason;
    next[id] = { ...next[id], status: 'suspended', suspensions: next[id].suspensions + 1 };
    effects.push({ kind: 'deadline_suspended', deadline: id, reason });
  }
  for (const id of actions.resume ?? []) {
    next[id] = { ...next[id], status: 'running' };
    effects.push({ kind: 'deadline_resumed', deadline: id });
  }
  for (const e of actions.extend ?? []) {
    next[e.deadline] = { ...next[e.deadline], extensions: next[e.deadline].extensions + 1 };
    effects.push({ kind: 'deadline_extended', deadline: e.deadline, by: e.by, reason: e.reason });
  }
  for (const id of actions.start ?? []) {
    const previous = next[id];
    next[id] = {
      status: 'running',
      round: previous === undefined ? 1 : previous.round + 1,
      startedBy: eventType,
      suspensions: 0,
      extensions: 0,
      noticeOfDefault: false,
      expiryFired: false,
      warningFired: false,
    };
    effects.push({ kind: 'deadline_started', deadline: id });
  }
  for (const id of actions.notice_of_default ?? []) {
    next[id] = { ...next[id], noticeOfDefault: true };
    effects.push({ kind: 'notice_of_default', deadline: id });
  }
  return next;
}

function stopTrack(deadlines, id, effects) {
  const t = deadlines[id];
  if (t === undefined || t.status === 'stopped') return;
  deadlines[id] = { ...t, status: 'stopped' };
  effects.push({ kind: 'deadline_stopped', deadline: id });
}

// Entry action of every final state: entering it stops every deadline that has not stopped.
const stopAllDeadlines = assign(({ context }) => {
  const effects = [];
  const deadlines = { ...context.deadlines };
  for (const id of Object.keys(deadlines)) stopTrack(deadlines, id, effects);
  if (effects.length === 0) return {};
  return { deadlines, effects: context.effects.concat(effects) };
});

// Turns one transition of the transcription into an XState transition config. The guard
// combines, in order: who may send the event, the timer's own precondition, the YAML guard and
// the preconditions of the deadline actions. One assign action then does what
// ApplyTransition (engine/src/core/transition.cc) does, except the state change, which is
// XState's own.
function toXStateTransition(def, eventType, spec) {
  const eventDef = def.events[eventType];
  const timerDeadline = eventDef.timer ? def.expiryOf[eventType] : undefined;
  const yamlGuard = spec.guard?.fn;
  const actions = spec.deadlines;

  const guard = ({ context, event }) => {
    if (!roleAllowed(eventDef, event)) return false;
    let seen = context;
    if (timerDeadline !== undefined) {
      if (!expiryDue(context, timerDeadline)) return false;
      seen = withExpired(context, timerDeadline);
    }
    if (yamlGuard !== undefined && !yamlGuard({ context: seen, event, def })) return false;
    return deadlineActionsFit(seen, actions);
  };

  const setEntries = Object.entries(spec.set ?? {});
  const apply = assign(({ context, event }) => {
    const effects = [];
    let deadlines = context.deadlines;
    if (timerDeadline !== undefined) {
      deadlines = withExpired(context, timerDeadline).deadlines;
      effects.push({ kind: 'deadline_expired', deadline: timerDeadline });
    }
    // Merge the payload: criteria fields into the scores, every other field into data.
    let data = context.data;
    let scores = context.scores;
    const payload = event.data;
    if (payload !== undefined) {
      for (const name of Object.keys(payload)) {
        if (def.criteriaFields.has(name)) {
          scores = { ...scores };
          for (const [criterion, entry] of Object.entries(payload[name])) {
            scores[criterion] = { score: entry.score, reason: entry.reason, by: event.actor };
          }
        } else {
          if (data === context.data) data = { ...data };
          data[name] = payload[name];
        }
      }
    }
    // `set:` is evaluated on the case before the event.
    if (setEntries.length > 0) {
      if (data === context.data) data = { ...data };
      for (const [field, e] of setEntries) data[field] = e.fn({ context, event, def });
    }
    if (actions !== undefined) deadlines = applyDeadlineActions(deadlines, actions, eventType, effects);
    for (const letter of spec.letters ?? []) effects.push({ kind: 'letter', template: letter });
    for (const role of spec.notify ?? []) effects.push({ kind: 'notify', role, event: eventType });
    let assigned = context.assigned;
    if (spec.assign !== undefined) {
      assigned = spec.assign;
      effects.push({ kind: 'assign', role: spec.assign });
    }
    return {
      data,
      scores,
      deadlines,
      assigned,
      version: context.version + 1,
      effects: effects.length === 0 ? context.effects : context.effects.concat(effects),
    };
  });

  const transition = { guard, actions: apply };
  if (spec.to !== undefined) transition.target = spec.to;
  return transition;
}

// Root-level handlers that record a timer firing where the current state does not react to it.
// XState only consults the root when no transition of the current state is enabled, which is the
// engine's rule: "the expiry event moves the case only where the current state has a transition
// for it whose guard holds; otherwise the deadline is simply recorded as passed".
//   <on_expire event> { timer: true }                 a deadline with an on_expire event
//   'timer.expiry'    { timer: true, deadline: id }   a deadline without one
//   'timer.warning'   { timer: true, deadline: id }   a warning
function rootTimerHandlers(def) {
  const recordExpiry = (idOf) => assign(({ context, event }) => {
    const id = idOf(event);
    return {
      deadlines: withExpired(context, id).deadlines,
      version: context.version + 1,
      effects: context.effects.concat([{ kind: 'deadline_expired', deadline: id }]),
    };
  });
  const on = {};
  for (const [eventType, id] of Object.entries(def.expiryOf)) {
    on[eventType] = {
      guard: ({ context, event }) => event.timer === true && expiryDue(context, id),
      actions: recordExpiry(() => id),
    };
  }
  on['timer.expiry'] = {
    guard: ({ context, event }) =>
      event.timer === true && def.deadlines[event.deadline] !== undefined &&
      def.deadlines[event.deadline].on_expire === undefined && expiryDue(context, event.deadline),
    actions: recordExpiry((event) => event.deadline),
  };
  on['timer.warning'] = {
    guard: ({ context, event }) => {
      const t = event.timer === true ? context.deadlines[event.deadline] : undefined;
      return t !== undefined && t.status === 'running' && !t.warningFired;
    },
    actions: assign(({ context, event }) => ({
      deadlines: {
        ...context.deadlines,
        [event.deadline]: { ...context.deadlines[event.deadline], warningFired: true },
      },
      version: context.version + 1,
      effects: context.effects.concat([{ kind: 'deadline_warning', deadline: event.deadline }]),
    })),
  };
  return on;
}

// Builds the XState machine of one transcribed workflow. A state's own transitions for an event
// come first, in written order, then the any_state transition for that event (not in final
// states, nor in the states its `except` lists): the engine's candidate order.
function buildMachine(def) {
  def.expiryOf = {};
  for (const [id, d] of Object.entries(def.deadlines)) {
    if (d.on_expire !== undefined) def.expiryOf[d.on_expire] = id;
  }
  def.criteriaFields = new Set(def.criteriaFields ?? []);
  for (const name of Object.keys(def.events)) {
    if (name.includes('.') || name.startsWith('xstate')) die(`${def.id}: event id '${name}' clashes with XState`);
  }

  let initial;
  const states = {};
  for (const [name, state] of Object.entries(def.states)) {
    if (state.initial) initial = name;
    if (state.final) {
      states[name] = { type: 'final', entry: stopAllDeadlines };
      continue;
    }
    const on = {};
    for (const [eventType, specs] of Object.entries(state.on ?? {})) {
      on[eventType] = asList(specs).map((spec) => toXStateTransition(def, eventType, spec));
    }
    for (const [eventType, spec] of Object.entries(def.any_state ?? {})) {
      if ((spec.except ?? []).includes(name)) continue;
      const t = toXStateTransition(def, eventType, spec);
      (on[eventType] ??= []).push(t);
    }
    states[name] = { on };
  }

  return createMachine({
    id: def.id,
    initial,
    context: () => ({
      data: { ...def.variables },
      scores: {},
      deadlines: {},
      assigned: '',
      version: 0,
      effects: [],
    }),
    on: rootTimerHandlers(def),
    states,
  });
}

function asList(specs) {
  return Array.isArray(specs) ? specs : [specs];
}

// ---------------------------------------------------------------------------------------------
// Transcription of bench/workflows/linear.yaml

const linear = {
  id: 'bench-linear',
  file: 'bench/workflows/linear.yaml',
  params: {},
  variables: {},
  criteria: [],
  deadlines: {},
  events: {
    naar_s2: { roles: ['behandelaar'] },
    naar_s3: { roles: ['behandelaar'] },
    naar_s4: { roles: ['behandelaar'] },
    naar_s5: { roles: ['behandelaar'] },
    naar_s6: { roles: ['behandelaar'] },
  },
  states: {
    s1: { initial: true, on: { naar_s2: { to: 's2' } } },
    s2: { on: { naar_s3: { to: 's3' } } },
    s3: { on: { naar_s4: { to: 's4' } } },
    s4: { on: { naar_s5: { to: 's5' } } },
    s5: { on: { naar_s6: { to: 's6' } } },
    s6: { final: true },
  },
};

// ---------------------------------------------------------------------------------------------
// Transcription of workflows/uitdaagrecht.yaml (version 1). Keys as in the YAML; guards and
// assignments are `expr(yaml text, JavaScript translation)`.

const P = {
  wie_mag_uitdagen: ['bewoner', 'bewonersgroep', 'maatschappelijke_organisatie'],
  rechtskarakter: 'beschikking',
  max_verlengingen: 5,
};

const uitdaagrecht = {
  id: 'uitdaagrecht',
  file: 'workflows/uitdaagrecht.yaml',
  params: P,
  variables: { verlengingen: 0 },
  criteriaFields: ['scores'],
  criteria: [
    { id: 'maatschappelijke_meerwaarde', minimum: 3 },
    { id: 'draagvlak', minimum: 3 },
    { id: 'haalbaarheid', minimum: 3 },
    { id: 'kwaliteit_en_continuiteit', minimum: 3 },
    { id: 'kosten', minimum: 3 },
    { id: 'niemand_benadeeld', minimum: 3 },
  ],
  deadlines: {
    beslistermijn: {},
    hersteltermijn: { on_expire: 'hersteltermijn_verstreken' },
    mededelingstermijn: {},
    bezwaartermijn: { on_expire: 'bezwaartermijn_verstreken' },
    overeenkomsttermijn: {},
    voortgangstermijn: { on_expire: 'voortgangstermijn_verstreken' },
    evaluatietermijn: { on_expire: 'evaluatietermijn_verstreken' },
  },
  events: {
    vooroverleg_aanvragen: { roles: ['initiatiefnemer'] },
    indienen: { roles: ['initiatiefnemer'] },
    aanvulling_vragen: { roles: ['behandelaar'] },
    aanvullen: { roles: ['initiatiefnemer'] },
    hersteltermijn_verstreken: { timer: true },
    buiten_behandeling_stellen: { roles: ['behandelaar'] },
    ontvankelijk_verklaren: { roles: ['behandelaar'] },
    niet_ontvankelijk_verklaren: { roles: ['behandelaar'] },
    gesprek_plannen: { roles: ['behandelaar'] },
    gesprek_gevoerd: { roles: ['behandelaar'] },
    criteria_scoren: { roles: ['behandelaar'] },
    advies_vastleggen: { roles: ['behandelaar'] },
    voorleggen: { roles: ['behandelaar'] },
    terugsturen: { roles: ['teamleider'] },
    besluiten: { roles: ['teamleider'] },
    verdagen: { roles: ['behandelaar'] },
    ingebrekestelling: { roles: ['initiatiefnemer', 'behandelaar'] },
    bezwaar_registreren: { roles: ['behandelaar'] },
    bezwaartermijn_verstreken: { timer: true },
    bezwaar_afgehandeld: { roles: ['behandelaar'] },
    overeenkomst_sluiten: { roles: ['behandelaar'] },
    voortgang_rapporteren: { roles: ['initiatiefnemer'] },
    voortgangstermijn_verstreken: { timer: true },
    evaluatietermijn_verstreken: { timer: true },
    evaluatie_vastleggen: { roles: ['behandelaar'] },
    beeindigen: { roles: ['behandelaar'] },
    intrekken: { roles: ['initiatiefnemer'] },
  },
  states: {
    concept: {
      initial: true,
      on: {
        vooroverleg_aanvragen: { to: 'vooroverleg', notify: ['behandelaar'] },
        indienen: {
          to: 'ontvangen',
          letters: ['ontvangstbevestiging'],
          deadlines: { start: ['beslistermijn'] },
          assign: 'behandelaar',
          notify: ['behandelaar'],
        },
      },
    },
    vooroverleg: {
      on: {
        indienen: {
          to: 'ontvangen',
          letters: ['ontvangstbevestiging'],
          deadlines: { start: ['beslistermijn'] },
          assign: 'behandelaar',
          notify: ['behandelaar'],
        },
      },
    },
    ontvangen: {
      on: {
        aanvulling_vragen: {
          to: 'wacht_op_aanvulling',
          letters: ['verzoek_om_aanvulling'],
          deadlines: {
            suspend: [{ deadline: 'beslistermijn', reason: 'aanvraag onvolledig (Awb 4:15 lid 1 sub a)' }],
            start: ['hersteltermijn'],
          },
          assign: 'initiatiefnemer',
        },
        ontvankelijk_verklaren: {
          to: 'gesprek',
          guard: expr('data.soort_indiener in params.wie_mag_uitdagen',
            ({ context, def }) => def.params.wie_mag_uitdagen.includes(context.data.soort_indiener)),
        },
        niet_ontvankelijk_verklaren: {
          to: 'besluitvorming',
          assign: 'teamleider',
          notify: ['teamleider'],
        },
      },
    },
    wacht_op_aanvulling: {
      on: {
        aanvullen: {
          to: 'ontvangen',
          deadlines: { stop: ['hersteltermijn'], resume: ['beslistermijn'] },
          assign: 'behandelaar',
          notify: ['behandelaar'],
        },
        hersteltermijn_verstreken: {
          to: 'hersteltermijn_verlopen',
          deadlines: { resume: ['beslistermijn'], start: ['mededelingstermijn'] },
          assign: 'behandelaar',
          notify: ['behandelaar'],
        },
      },
    },
    hersteltermijn_verlopen: {
      on: {
        buiten_behandeling_stellen: { to: 'buiten_behandeling', letters: ['buiten_behandeling'] },
        aanvullen: {
          to: 'ontvangen',
          deadlines: { stop: ['mededelingstermijn'] },
          assign: 'behandelaar',
          notify: ['behandelaar'],
        },
      },
    },
    gesprek: {
      on: {
        gesprek_plannen: { letters: ['uitnodiging_gesprek'] },
        gesprek_gevoerd: { to: 'beoordeling' },
      },
    },
    beoordeling: {
      on: {
        criteria_scoren: {},
        advies_vastleggen: {},
        voorleggen: {
          to: 'besluitvorming',
          guard: expr('assessment.complete', ({ context, def }) => assessment(def, context).complete),
          assign: 'teamleider',
          notify: ['teamleider'],
        },
      },
    },
    besluitvorming: {
      on: {
        besluiten: [
          {
            to: 'afgewezen',
            guard: expr('event.uitkomst == "afgewezen"', ({ event }) => event.data.uitkomst === 'afgewezen'),
            letters: ['besluit_afwijzing'],
            deadlines: { stop: ['beslistermijn'], start: ['bezwaartermijn'] },
            assign: 'behandelaar',
          },
          {
            to: 'toegewezen',
            guard: expr('event.uitkomst == "toegewezen" and assessment.passed',
              ({ context, event, def }) =>
                event.data.uitkomst === 'toegewezen' && assessment(def, context).passed),
            letters: ['besluit_toewijzing'],
            deadlines: { stop: ['beslistermijn'], start: ['bezwaartermijn', 'overeenkomsttermijn'] },
            assign: 'behandelaar',
          },
          {
            to: 'toegewezen',
            guard: expr('event.uitkomst == "deels_toegewezen" and assessment.complete',
              ({ context, event, def }) =>
                event.data.uitkomst === 'deels_toegewezen' && assessment(def, context).complete),
            letters: ['besluit_deels_toewijzing'],
            deadlines: { stop: ['beslistermijn'], start: ['bezwaartermijn', 'overeenkomsttermijn'] },
            assign: 'behandelaar',
          },
        ],
        terugsturen: { to: 'beoordeling', assign: 'behandelaar' },
      },
    },
    afgewezen: {
      on: {
        bezwaar_registreren: {
          to: 'in_bezwaar',
          guard: expr('params.rechtskarakter != "geen_besluit"',
            ({ def }) => def.params.rechtskarakter !== 'geen_besluit'),
        },
        bezwaartermijn_verstreken: { to: 'afgesloten' },
      },
    },
    in_bezwaar: {
      on: {
        bezwaar_afgehandeld: [
          {
            to: 'beoordeling',
            guard: expr('event.bezwaar_uitkomst == "gegrond"',
              ({ event }) => event.data.bezwaar_uitkomst === 'gegrond'),
          },
          {
            to: 'afgesloten',
            guard: expr('event.bezwaar_uitkomst != "gegrond"',
              ({ event }) => event.data.bezwaar_uitkomst !== 'gegrond'),
          },
        ],
      },
    },
    toegewezen: {
      on: {
        overeenkomst_sluiten: {
          to: 'uitvoering',
          letters: ['samenwerkingsovereenkomst'],
          deadlines: { stop: ['overeenkomsttermijn'], start: ['evaluatietermijn', 'voortgangstermijn'] },
        },
      },
    },
    uitvoering: {
      on: {
        voortgang_rapporteren: {
          deadlines: { stop: ['voortgangstermijn'], start: ['voortgangstermijn'] },
          notify: ['behandelaar'],
        },
        voortgangstermijn_verstreken: {
          letters: ['herinnering_voortgangsrapportage'],
          deadlines: { start: ['voortgangstermijn'] },
        },
        evaluatietermijn_verstreken: {
          to: 'evaluatie',
          deadlines: { stop: ['voortgangstermijn'] },
          assign: 'behandelaar',
          notify: ['behandelaar', 'initiatiefnemer'],
        },
        beeindigen: { to: 'beeindigd', letters: ['beeindiging'] },
      },
    },
    evaluatie: {
      on: {
        evaluatie_vastleggen: [
          {
            to: 'uitvoering',
            guard: expr('event.oordeel == "verlengen" and data.verlengingen < params.max_verlengingen',
              ({ context, event, def }) =>
                event.data.oordeel === 'verlengen' && context.data.verlengingen < def.params.max_verlengingen),
            set: { verlengingen: expr('data.verlengingen + 1', ({ context }) => context.data.verlengingen + 1) },
            letters: ['evaluatieverslag', 'verlenging'],
            deadlines: { start: ['evaluatietermijn', 'voortgangstermijn'] },
          },
          {
            to: 'toegewezen',
            guard: expr('event.oordeel == "aanpassen"', ({ event }) => event.data.oordeel === 'aanpassen'),
            letters: ['evaluatieverslag'],
            deadlines: { start: ['overeenkomsttermijn'] },
          },
          {
            to: 'afgesloten',
            guard: expr('event.oordeel == "beeindigen"', ({ event }) => event.data.oordeel === 'beeindigen'),
            letters: ['evaluatieverslag', 'beeindiging'],
          },
        ],
        beeindigen: { to: 'beeindigd', letters: ['beeindiging'] },
      },
    },
    buiten_behandeling: { final: true },
    afgesloten: { final: true },
    beeindigd: { final: true },
    ingetrokken: { final: true },
  },
  any_state: {
    intrekken: {
      to: 'ingetrokken',
      except: ['concept', 'afgewezen', 'in_bezwaar', 'uitvoering', 'evaluatie'],
      letters: ['bevestiging_intrekking'],
      notify: ['behandelaar'],
    },
    verdagen: {
      guard: expr('deadline.beslistermijn.active', ({ context }) => deadlineActive(context, 'beslistermijn')),
      letters: ['verdagingsbericht'],
      deadlines: {
        extend: [{ deadline: 'beslistermijn', by: 'params.verdagingstermijn', reason: 'verdaging (Awb 4:14)' }],
      },
    },
    ingebrekestelling: {
      guard: expr('deadline.beslistermijn.expired', ({ context }) => deadlineExpired(context, 'beslistermijn')),
      deadlines: { notice_of_default: ['beslistermijn'] },
      notify: ['behandelaar', 'teamleider'],
    },
  },
};

const WORKFLOWS = { linear, uitdaagrecht };

// ---------------------------------------------------------------------------------------------
// Structural check: the transcription against the workflow file.

// Reduces a transition (from the YAML or from the transcription) to the keys that decide
// behaviour, in a canonical form.
function canonicalTransition(t, fromYaml) {
  const text = (v) => (v === undefined ? null : fromYaml ? String(v).replace(/\s+/g, ' ').trim() : v.src);
  const list = (v) => (v === undefined ? [] : v.map(String));
  const d = t.deadlines ?? {};
  const set = {};
  for (const [k, v] of Object.entries(t.set ?? {})) set[k] = text(v);
  return {
    to: t.to ?? null,
    guard: text(t.guard),
    letters: list(t.letters),
    notify: list(t.notify),
    assign: t.assign ?? null,
    set,
    except: list(t.except),
    deadlines: {
      stop: list(d.stop),
      suspend: (d.suspend ?? []).map((s) =>
        typeof s === 'string' ? { deadline: s, reason: '' } : { deadline: s.deadline, reason: s.reason ?? '' }),
      resume: list(d.resume),
      extend: (d.extend ?? []).map((e) => ({ deadline: e.deadline, by: String(e.by), reason: e.reason ?? '' })),
      start: list(d.start),
      notice_of_default: list(d.notice_of_default),
    },
  };
}

function canonicalWorkflow(def, fromYaml) {
  const out = { params: {}, variables: {}, criteria: [], deadlines: {}, events: {}, states: {}, any_state: {} };
  if (fromYaml) {
    for (const [id, p] of Object.entries(def.parameters ?? {})) {
      if (p.type !== 'duration') out.params[id] = p.value;
    }
    for (const [id, v] of Object.entries(def.variables ?? {})) out.variables[id] = v.initial ?? null;
    out.criteria = (def.criteria ?? []).map((c) => ({ id: c.id, minimum: c.minimum ?? null }));
    out.criteriaFields = [];
    for (const form of Object.values(def.forms ?? {})) {
      for (const [name, f] of Object.entries(form.fields ?? {})) {
        if (f.type === 'criteria' && !out.criteriaFields.includes(name)) out.criteriaFields.push(name);
      }
    }
  } else {
    out.params = def.params;
    out.variables = def.variables;
    out.criteria = def.criteria.map((c) => ({ id: c.id, minimum: c.minimum ?? null }));
    out.criteriaFields = [...(def.criteriaFields ?? [])];
  }
  for (const [id, d] of Object.entries(def.deadlines ?? {})) out.deadlines[id] = d.on_expire ?? null;
  for (const [id, e] of Object.entries(def.events ?? {})) {
    out.events[id] = e.timer ? 'timer' : [...e.roles];
  }
  for (const [id, s] of Object.entries(def.states ?? {})) {
    const on = {};
    for (const [ev, specs] of Object.entries(s.on ?? {})) {
      on[ev] = asList(specs).map((t) => canonicalTransition(t ?? {}, fromYaml));
    }
    out.states[id] = { initial: s.initial === true, final: s.final === true, on };
  }
  for (const [ev, t] of Object.entries(def.any_state ?? {})) out.any_state[ev] = canonicalTransition(t, fromYaml);
  return out;
}

function checkTranscription(def) {
  const file = path.join(repoRoot, def.file);
  const yaml = YAML.parse(readFileSync(file, 'utf8'));
  if (yaml.workflow?.id !== def.id) die(`${def.file}: workflow id '${yaml.workflow?.id}', transcription '${def.id}'`);
  const want = canonicalWorkflow(yaml, true);
  const have = canonicalWorkflow(def, false);
  const problems = [];
  diff(want, have, def.id, problems);
  if (problems.length > 0) {
    die(`the XState transcription of ${def.file} differs from the file:\n  ${problems.slice(0, 20).join('\n  ')}`);
  }
}

function diff(want, have, where, problems) {
  if (want !== null && have !== null && typeof want === 'object' && typeof have === 'object') {
    const keys = new Set([...Object.keys(want), ...Object.keys(have)]);
    if (Array.isArray(want) !== Array.isArray(have)) {
      problems.push(`${where}: ${JSON.stringify(want)} in the YAML, ${JSON.stringify(have)} in the translation`);
      return;
    }
    for (const k of keys) {
      if (!(k in want)) problems.push(`${where}.${k}: only in the translation`);
      else if (!(k in have)) problems.push(`${where}.${k}: missing from the translation`);
      else diff(want[k], have[k], `${where}.${k}`, problems);
    }
    return;
  }
  if (JSON.stringify(want) !== JSON.stringify(have)) {
    problems.push(`${where}: ${JSON.stringify(want)} in the YAML, ${JSON.stringify(have)} in the translation`);
  }
}

// ---------------------------------------------------------------------------------------------
// Paths

// Reads a simulation script (engine/include/uitdaag/script.h) and turns its steps into XState
// events: { type: <event>, role, actor, data: <payload> }.
function loadPath(file, workflow) {
  if (!existsSync(file)) die(`no path script ${file} (give the folder with --paths)`);
  const script = YAML.parse(readFileSync(file, 'utf8'));
  if (!script || !Array.isArray(script.steps) || script.steps.length === 0) die(`${file}: no steps`);
  const steps = script.steps.map((step, i) => {
    const where = `${file}: step ${i + 1}`;
    if (step.advance) die(`${where}: 'advance:' steps need a clock, which the XState peer does not model`);
    if (typeof step.event !== 'string') die(`${where}: no event`);
    if (step.expect?.rejected) die(`${where}: rejected steps are not supported by the XState peer`);
    if (typeof step.expect?.state !== 'string') die(`${where}: every step needs expect: { state: ... }`);
    if (workflow.events[step.event] === undefined) die(`${where}: unknown event '${step.event}'`);
    const event = { type: step.event, role: step.role, actor: step.actor, data: step.data ?? {} };
    return { event, expect: step.expect };
  });
  return { file, steps, events: steps.map((s) => s.event), finalState: steps[steps.length - 1].expect.state };
}

// One complete, checked replay: every expectation the script states, except deadline dates.
function verifyPath(machine, def, p) {
  const actor = createActor(machine);
  let failure = null;
  actor.subscribe({ error: (err) => { failure = err; } });
  actor.start();
  p.steps.forEach((step, i) => {
    const before = actor.getSnapshot();
    const effectsBefore = before.context.effects.length;
    actor.send(step.event);
    const snap = actor.getSnapshot();
    const where = `${path.relative(process.cwd(), p.file)}: step ${i + 1} (${step.event.type})`;
    if (failure) die(`${where}: the machine failed: ${failure.stack ?? failure}`);
    if (snap.value !== step.expect.state) {
      die(`${where}: expected state '${step.expect.state}', XState is in '${snap.value}'`);
    }
    if (snap.context.version !== before.context.version + 1) {
      die(`${where}: the event was not accepted (state '${snap.value}')`);
    }
    if (Array.isArray(step.expect.letters)) {
      const letters = snap.context.effects.slice(effectsBefore).filter((e) => e.kind === 'letter').map((e) => e.template);
      if (JSON.stringify(letters) !== JSON.stringify(step.expect.letters)) {
        die(`${where}: expected letters ${JSON.stringify(step.expect.letters)}, XState sent ${JSON.stringify(letters)}`);
      }
    }
    for (const [field, value] of Object.entries(step.expect.data ?? {})) {
      if (JSON.stringify(snap.context.data[field]) !== JSON.stringify(value)) {
        die(`${where}: expected data.${field} = ${JSON.stringify(value)}, XState has ${JSON.stringify(snap.context.data[field])}`);
      }
    }
  });
  const last = actor.getSnapshot();
  const isFinal = def.states[p.finalState]?.final === true;
  if (isFinal && last.status !== 'done') die(`${p.file}: ended in final state '${last.value}' but the actor is '${last.status}'`);
  if (last.status === 'active') actor.stop();
}

// ---------------------------------------------------------------------------------------------
// Timing

// A timed run: a new actor, every event of the path, and the final state asserted.
function run(machine, events, finalState) {
  const actor = createActor(machine);
  actor.start();
  for (let i = 0; i < events.length; i += 1) actor.send(events[i]);
  const snap = actor.getSnapshot();
  if (snap.value !== finalState) {
    throw new Error(`run ended in '${snap.value}' (status ${snap.status}), expected '${finalState}'`);
  }
  if (snap.status === 'active') actor.stop();
}

// Runs in batches until `seconds` have passed or `maxRuns` runs are done.
function timeRuns(machine, p, seconds, maxRuns) {
  const budget = BigInt(Math.round(seconds * 1e9));
  const start = process.hrtime.bigint();
  let runs = 0;
  let elapsed = 0n;
  let batch = 16;
  while (runs < maxRuns) {
    const n = Math.min(batch, maxRuns - runs);
    for (let i = 0; i < n; i += 1) run(machine, p.events, p.finalState);
    runs += n;
    elapsed = process.hrtime.bigint() - start;
    if (elapsed >= budget) break;
    // Aim at roughly 10 ms per batch so the clock is read rarely but the budget is kept.
    const perRun = Number(elapsed) / runs;
    batch = Math.max(1, Math.min(100_000, Math.floor(1e7 / Math.max(perRun, 1))));
  }
  return { runs, seconds: Number(elapsed) / 1e9 };
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const names = opts.only === null ? Object.keys(WORKFLOWS) : [opts.only];
  for (const name of names) {
    const def = WORKFLOWS[name];
    if (def === undefined) die(`no XState translation of workflow '${name}' (have: ${Object.keys(WORKFLOWS).join(', ')})`);
    checkTranscription(def);
    const machine = buildMachine(def);
    const p = loadPath(path.join(opts.paths, `${name}.yaml`), def);
    verifyPath(machine, def, p);

    const warm = timeRuns(machine, p, opts.warmupSeconds, opts.warmupRuns);
    const measured = timeRuns(machine, p, opts.seconds, opts.maxRuns);
    const runsPerSecond = measured.runs / measured.seconds;
    const transitions = p.events.length;
    process.stderr.write(`bench.mjs: ${name}: warm-up ${warm.runs} runs in ${warm.seconds.toFixed(3)} s\n`);
    process.stdout.write(JSON.stringify({
      peer: 'xstate',
      version: XSTATE_VERSION,
      workflow: name,
      runs: measured.runs,
      seconds: round(measured.seconds, 6),
      runs_per_second: round(runsPerSecond, 1),
      transitions_per_run: transitions,
      transitions_per_second: round(runsPerSecond * transitions, 1),
    }) + '\n');
  }
}

function round(x, digits) {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

try {
  main();
} catch (err) {
  die(err.stack ?? String(err));
}
