// Live re-check after edits (OfficeHost.watchChanges): debounced callbacks for the user's edits, none for the
// add-in's own writes (triggerSource on ExcelApi 1.14, a write window below), stop(), unsupported hosts —
// and the fake's event model the watcher is tested against.
//
// Time is a fake clock (test/support/fake-clock.ts) shared by the watcher's debounce, the write log and the
// fake's event delivery: nothing here waits in real time, and the timing assertions are exact (a callback
// comes at the end of the quiet time, not one millisecond before).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSnapshot } from '../../src/core/report';
import { planMarks } from '../../src/hosts/mark-plan';
import type { ChangeWatch, HostResult, WorkbookChanges } from '../../src/hosts/host';
import { CELL_EDIT_MESSAGE, LIVE_CHECK_UNSUPPORTED, OfficeHost, WriteLog } from '../../src/hosts/office';
import { FakeWorkbook, type FakeConfig, type FakeWorksheetChangedEventArgs, installFakeExcel } from '../fakes/excel';
import { FakeClock } from '../support/fake-clock';
import { fakeFrom, perturbedSeedXlsx, withFake } from './support';

const DEBOUNCE = 40;
const GRACE = 150;
const FAST = { debounceMs: DEBOUNCE, writeGraceMs: GRACE };

/** Long enough for any event, debounce and write window to have run out. */
const QUIET = DEBOUNCE + GRACE + 120;

/**
 * One test's clock, and what runs on it: the watch options (FAST on that clock), a host whose write log reads
 * it, and the fake config that delivers events on it.
 */
function timed(apiVersion: string) {
  const clock = new FakeClock();
  return {
    clock,
    fast: { ...FAST, clock },
    host: new OfficeHost({ writeLog: new WriteLog(clock.now) }),
    config: { apiVersion, clock },
  };
}

function smallBook(apiVersion: string, config: Partial<FakeConfig> = {}): FakeWorkbook {
  const doc = new FakeWorkbook({ apiVersion, ...config });
  for (const name of ['公开01表', '公开02表', '公开03表']) {
    const sheet = doc.addSheet(name);
    sheet.ensure(0, 0).value = '项目';
    sheet.ensure(4, 2).value = 100;
  }
  return doc;
}

function started(result: HostResult<ChangeWatch>): ChangeWatch {
  assert.ok(result.ok, result.ok ? '' : `${result.error.code}: ${result.error.message} ${result.error.detail ?? ''}`);
  return result.value;
}

/** A callback that records what it was told. */
function recorder() {
  const calls: WorkbookChanges[] = [];
  return { calls, onChange: (changes: WorkbookChanges) => void calls.push(changes) };
}

// ------------------------------------------------------------------ the user's edits

for (const version of ['1.7', '1.9', '1.14']) {
  test(`ExcelApi ${version}: a user edit → one callback after the debounce, naming the sheet and the cell`, async () => {
    const { clock, fast, host, config } = timed(version);
    const doc = smallBook(version, config);
    await withFake(doc, async () => {
      const { calls, onChange } = recorder();
      const watch = started(await host.watchChanges(onChange, fast));
      assert.equal(watch.scope, version === '1.7' ? 'sheets' : 'workbook');
      assert.equal(watch.ownWrites, version === '1.14' ? 'triggerSource' : 'writeWindow');
      if (version === '1.7') assert.match(watch.note ?? '', /新添加的工作表/);
      else assert.equal(watch.note, undefined);
      assert.equal(doc.changedHandlerCount(), version === '1.7' ? 3 : 1, 'one handler per sheet on 1.7, one for the workbook on 1.9+');

      doc.userEdit('公开02表', 'C5', 123);
      assert.equal(doc.sheet('公开02表').cell(4, 2)?.value, 123, 'the edit changed the cell');
      await doc.eventsDelivered();
      assert.equal(watch.stats.events, 1, 'the event has arrived');
      await clock.advance(DEBOUNCE - 1);
      assert.equal(calls.length, 0, 'nothing before the quiet time is over');
      await clock.advance(1);
      assert.equal(calls.length, 1, 'the callback as soon as the quiet time is over');
      await clock.advance(QUIET);
      assert.equal(calls.length, 1, 'exactly one callback');
      assert.deepEqual(calls[0], {
        sheets: [{ sheet: '公开02表', sheetId: doc.sheet('公开02表').id, addresses: ['C5'], remote: false }],
        refs: ['公开02表!C5'],
        events: 1,
        remote: false,
      });
      assert.deepEqual({ ...watch.stats }, { events: 1, ownWrites: 0, ignored: 0, callbacks: 1 });
      assert.ok((await watch.stop()).ok);
    });
  });
}

test('five quick edits → one callback with every changed area once, sheets in workbook order', async () => {
  const { clock, fast, host, config } = timed('1.9');
  const doc = smallBook('1.9', config);
  await withFake(doc, async () => {
    const { calls, onChange } = recorder();
    const watch = started(await host.watchChanges(onChange, fast));
    const edits: Array<[string, string, number]> = [
      ['公开03表', 'D7', 1],
      ['公开01表', 'C5', 2],
      ['公开01表', 'C6', 3],
      ['公开03表', 'D7', 4],
      ['公开01表', 'B2:C3', 5],
    ];
    for (const [sheet, address, value] of edits) {
      doc.userEdit(sheet, address, value);
      await clock.advance(DEBOUNCE / 4);
    }
    // The first edit's quiet time ended long ago (5 × DEBOUNCE/4 > DEBOUNCE): each edit started it again.
    assert.equal(calls.length, 0, 'the quiet time starts again with every edit');
    await clock.advance(DEBOUNCE - DEBOUNCE / 4);
    assert.equal(calls.length, 1, 'the callback DEBOUNCE after the last edit');
    await clock.advance(QUIET);
    assert.equal(calls.length, 1);
    const [changes] = calls;
    assert.equal(changes.events, 5);
    assert.deepEqual(
      changes.sheets.map((s) => [s.sheet, s.addresses]),
      [
        ['公开01表', ['C5', 'C6', 'B2:C3']],
        ['公开03表', ['D7']],
      ],
    );
    assert.deepEqual(changes.refs, ['公开01表!C5', '公开01表!C6', '公开01表!B2:C3', '公开03表!D7']);
    await watch.stop();
  });
});

test('continuous edits are not held back forever (maxWaitMs)', async () => {
  const { clock, host, config } = timed('1.9');
  const doc = smallBook('1.9', config);
  await withFake(doc, async () => {
    const start = clock.now();
    const at: number[] = [];
    const events: number[] = [];
    const onChange = (changes: WorkbookChanges) => void (at.push(clock.now() - start), events.push(changes.events));
    const watch = started(await host.watchChanges(onChange, { debounceMs: 60, maxWaitMs: 120, clock }));
    // An edit every 15 ms for 360 ms: the 60 ms quiet time never comes.
    for (let i = 0; i < 24; i++) {
      doc.userEdit('公开01表', `C${i + 1}`, i);
      await clock.advance(15);
    }
    // Each burst is held at most maxWaitMs from its first edit: 0–105 → 120, 120–225 → 240, 240–345 → 360.
    assert.deepEqual(at, [120, 240, 360], 'a callback every maxWaitMs while the user was still typing');
    assert.deepEqual(events, [8, 8, 8]);
    await clock.advance(QUIET);
    assert.equal(events.reduce((n, e) => n + e, 0), 24, 'every edit reported, once');
    await watch.stop();
  });
});

test('sheets renamed or added: reported under their current name (1.9); not watched below 1.9, as documented', async () => {
  for (const version of ['1.9', '1.7']) {
    const { clock, fast, host, config } = timed(version);
    const doc = smallBook(version, config);
    await withFake(doc, async () => {
      const { calls, onChange } = recorder();
      const watch = started(await host.watchChanges(onChange, fast));
      doc.sheet('公开02表').name = '公开02表（调整）';
      doc.addSheet('附表');
      doc.userEdit('附表', 'A1', 1);
      doc.userEdit('公开02表（调整）', 'C5', 2);
      await clock.advance(DEBOUNCE);
      assert.equal(calls.length, 1, version);
      await clock.advance(QUIET);
      assert.equal(calls.length, 1, version);
      const names = calls[0].sheets.map((s) => s.sheet);
      if (version === '1.9') assert.deepEqual(names, ['公开02表（调整）', '附表']);
      else assert.deepEqual(names, ['公开02表（调整）'], 'a sheet added after watching began is not watched on 1.7');
      await watch.stop();
    });
  }
});

// ------------------------------------------------------------------ the add-in's own writes

for (const version of ['1.14', '1.9', '1.7']) {
  test(`ExcelApi ${version}: the add-in's own 情况说明 and 说明数据 writes never call back; the user's edits there do`, async () => {
    const { clock, fast, host, config } = timed(version);
    const doc = smallBook(version, config);
    await withFake(doc, async () => {
      // On 1.7 only sheets that exist when watching starts are watched: write both once first.
      assert.ok((await host.writeNarrativeSheet(['一、部门基本情况'])).ok);
      assert.ok((await host.writeSheetValues('说明数据', [['项目', '金额']])).ok);
      await clock.advance(QUIET);
      const { calls, onChange } = recorder();
      const watch = started(await host.watchChanges(onChange, fast));
      doc.changeLog.length = 0;

      const narrative = await host.writeNarrativeSheet(['一、部门基本情况（修订）', '二、收支总体情况', '三、其他']);
      assert.ok(narrative.ok && narrative.value.written && !narrative.value.created);
      const template = await host.writeSheetValues('说明数据', [[null, null], ['上年数', 12.5]]);
      assert.ok(template.ok && template.value.written);
      await doc.eventsDelivered();
      await clock.advance(QUIET);

      assert.ok(doc.changeLog.some((c) => c.byAddin && c.sheet.name === '情况说明'), 'the fake raised events for the writes');
      assert.ok(watch.stats.ownWrites >= 2, `the watcher saw them and took them for its own (${JSON.stringify(watch.stats)})`);
      assert.equal(calls.length, 0, 'no callback for the add-in’s own writes');

      // The user edits the narrative by hand: that is theirs (the reviewer reads it), so it calls back.
      doc.userEdit('情况说明', 'A2', '二、收支总体情况（手改）');
      await clock.advance(DEBOUNCE);
      assert.equal(calls.length, 1, 'the callback for the user’s edit');
      assert.deepEqual(calls[0].refs, ['情况说明!A2']);
      await watch.stop();
    });
  });
}

test('ExcelApi 1.9/1.14: a 情况说明 sheet created while watching is not taken for a user edit', async () => {
  for (const version of ['1.9', '1.14']) {
    const { clock, fast, host, config } = timed(version);
    const doc = smallBook(version, config);
    await withFake(doc, async () => {
      const { calls, onChange } = recorder();
      const watch = started(await host.watchChanges(onChange, fast));
      const written = await host.writeNarrativeSheet(['一、部门基本情况', '二、收支总体情况']);
      assert.ok(written.ok && written.value.written && written.value.created);
      await clock.advance(QUIET);
      assert.equal(calls.length, 0, version);
      assert.ok(watch.stats.ownWrites >= 1, version);
      await watch.stop();
    });
  }
});

test('below 1.14 the write window covers only the sheets being written, and events arriving after the write', async () => {
  // Events reach the add-in 60 ms after the change: after the write's Excel.run has resolved.
  const { clock, fast, host, config } = timed('1.9');
  const doc = smallBook('1.9', { ...config, eventDelayMs: 60 });
  await withFake(doc, async () => {
    const { calls, onChange } = recorder();
    const watch = started(await host.watchChanges(onChange, fast));
    const writing = host.writeNarrativeSheet(['一、部门基本情况']);
    doc.userEdit('公开01表', 'C5', 7); // the user types elsewhere meanwhile
    assert.ok((await writing).ok);
    assert.equal(watch.stats.events, 0, 'no event has arrived while the write ran');
    await clock.advance(60 + DEBOUNCE);
    assert.equal(calls.length, 1);
    await clock.advance(QUIET);
    assert.equal(calls.length, 1);
    assert.deepEqual(calls[0].refs, ['公开01表!C5'], 'only the user’s edit; the late events of the write were ignored');
    assert.ok(watch.stats.ownWrites >= 1);
    await watch.stop();
  });
});

test('below 1.14 the write window lasts writeGraceMs after the write, not longer', async () => {
  const { clock, fast, host, config } = timed('1.9');
  const doc = smallBook('1.9', config);
  await withFake(doc, async () => {
    const { calls, onChange } = recorder();
    const watch = started(await host.watchChanges(onChange, fast));
    assert.ok((await host.writeNarrativeSheet(['一、部门基本情况'])).ok);
    await doc.eventsDelivered();
    const own = watch.stats.ownWrites;
    assert.ok(own >= 1, 'the write’s own events');
    await clock.advance(GRACE);
    doc.userEdit('情况说明', 'A5', '甲'); // arrives GRACE after the write: still inside the window
    await clock.advance(1);
    doc.userEdit('情况说明', 'A6', '乙'); // GRACE + 1: the window has closed
    await clock.advance(QUIET);
    assert.equal(watch.stats.ownWrites, own + 1, 'the change at GRACE was taken for the add-in’s own');
    assert.deepEqual(
      calls.map((c) => c.refs),
      [['情况说明!A6']],
      'the change after the window is the user’s',
    );
    await watch.stop();
  });
});

test('two OfficeHost objects share one write log by default: a write through one is not a user edit for the other', async () => {
  const { clock, fast, config } = timed('1.9');
  const doc = smallBook('1.9', config);
  await withFake(doc, async () => {
    const { calls, onChange } = recorder();
    // The shared log reads the real clock: a window far longer than the microseconds between the write and
    // its events keeps this test about sharing, not about timing.
    const watch = started(await new OfficeHost().watchChanges(onChange, { ...fast, writeGraceMs: 60_000 }));
    assert.ok((await new OfficeHost().writeNarrativeSheet(['一、部门基本情况'])).ok);
    await clock.advance(QUIET);
    assert.ok(watch.stats.events >= 1, 'the write raised events');
    assert.equal(calls.length, 0);
    await watch.stop();
  });
});

test('whileWriting(): a write the pane makes itself is ignored too (below 1.14)', async () => {
  const { clock, fast, host, config } = timed('1.9');
  const doc = smallBook('1.9', config);
  await withFake(doc, async () => {
    const { calls, onChange } = recorder();
    const watch = started(await host.watchChanges(onChange, fast));
    await host.whileWriting(async () => {
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem('公开03表').getRange('H1').values = [['备注']];
        await context.sync();
      });
    }, ['公开03表']);
    await clock.advance(QUIET);
    assert.equal(calls.length, 0);
    assert.equal(watch.stats.ownWrites, 1);
    await watch.stop();
  });
});

for (const version of ['1.9', '1.14']) {
  test(`ExcelApi ${version}: the re-check's own marking does not trigger another re-check (no loop), even where format changes raise onChanged`, async () => {
    const { clock, fast, host, config } = timed(version);
    const doc = await fakeFrom(await perturbedSeedXlsx(), 'seed-2024.xlsx', { ...config, formatChangesRaiseOnChanged: true });
    await withFake(doc, async () => {
      let rechecks = 0;
      let marked = 0;
      const recheck = async () => {
        rechecks += 1;
        const read = await host.readSnapshot();
        assert.ok(read.ok);
        const marks = await host.applyMarks(checkSnapshot(read.value).report.findings);
        assert.ok(marks.ok);
        marked += marks.value.marked.length;
      };
      const watch = started(await host.watchChanges(recheck, fast));
      doc.userEdit('公开01表', 'B3', '某某单位');
      await clock.advance(DEBOUNCE);
      assert.ok(rechecks === 1 && marked > 0, 'the re-check ran and marked');
      await doc.eventsDelivered();
      await clock.advance(QUIET);
      await clock.advance(QUIET);
      assert.equal(rechecks, 1, `one re-check only (${JSON.stringify(watch.stats)})`);
      assert.ok(doc.changeLog.some((c) => c.byAddin), 'the marks did raise onChanged in this configuration');
      assert.ok(watch.stats.ownWrites > 0);
      await watch.stop();
    });
  });
}

for (const version of ['1.9', '1.20']) {
  test(`ExcelApi ${version}: live re-check end to end — an edit that changes no finding writes nothing; one that breaks sums rewrites only the sheets whose marks change`, async () => {
    const { clock, fast, host, config } = timed(version);
    const doc = await fakeFrom(await perturbedSeedXlsx(), 'seed-2024.xlsx', config);
    await withFake(doc, async () => {
      const plans: Array<ReturnType<typeof planMarks>> = [];
      const recheck = async () => {
        const read = await host.readSnapshot();
        assert.ok(read.ok);
        const findings = checkSnapshot(read.value).report.findings;
        plans.push(planMarks(findings));
        assert.ok((await host.applyMarks(findings)).ok);
      };
      await recheck(); // 审核 once: the marks are in
      await clock.advance(QUIET);
      const watch = started(await host.watchChanges(recheck, fast));
      const c12 = doc.sheet('公开05表').cell(11, 2)?.value;
      doc.resetCounters();
      doc.userEdit('公开05表', 'C12', c12 ?? null); // the same amount typed again
      await clock.advance(DEBOUNCE);
      assert.equal(plans.length, 2, 'the first re-check');
      await clock.advance(QUIET);
      assert.deepEqual([...doc.writes], [], 'the findings did not change: nothing written');
      assert.deepEqual(doc.undo, { steps: [], clears: 0 }, "the user's undo list is as it was");

      doc.userEdit('公开05表', 'C12', 999);
      await clock.advance(DEBOUNCE);
      assert.equal(plans.length, 3, 'the second re-check');
      await clock.advance(QUIET);
      const sheetsOf = (plan: ReturnType<typeof planMarks>) => new Map(plan.sheets.map((p) => [p.sheet, JSON.stringify(p.severities)]));
      const [before, after] = [sheetsOf(plans[1]), sheetsOf(plans[2])];
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter((name) => before.get(name) !== after.get(name)).sort();
      assert.ok(changed.length > 0 && changed.length < 9, `changed: ${changed.join('、')}`);
      assert.deepEqual([...new Set(doc.writes.map((w) => w.sheet ?? ''))].sort(), changed, 'writes only where the marks change');
      if (version === '1.20') assert.equal(doc.undo.steps.length, 1, 'one re-check, one undo step');
      await watch.stop();
    });
  });
}

// ------------------------------------------------------------------ co-authors, errors, one at a time

test('co-authors’ edits call back (marked remote), also during a write window; includeRemote: false ignores them', async () => {
  const { clock, fast, host, config } = timed('1.9');
  const doc = smallBook('1.9', config);
  await withFake(doc, async () => {
    const all = recorder();
    const local = recorder();
    const watchAll = started(await host.watchChanges(all.onChange, fast));
    const watchLocal = started(await host.watchChanges(local.onChange, { ...fast, includeRemote: false }));
    await host.whileWriting(async () => doc.userEdit('公开02表', 'C5', 9, { source: 'Remote' }), 'all');
    await clock.advance(DEBOUNCE);
    assert.equal(all.calls.length, 1, 'the callback');
    await clock.advance(QUIET);
    assert.equal(all.calls.length, 1);
    assert.equal(all.calls[0].remote, true);
    assert.deepEqual(all.calls[0].sheets.map((s) => [s.sheet, s.remote]), [['公开02表', true]]);
    assert.equal(local.calls.length, 0);
    assert.equal(watchLocal.stats.ignored, 1);
    await watchAll.stop();
    await watchLocal.stop();
  });
});

test('ignoreSheets: edits there never call back', async () => {
  const { clock, fast, host, config } = timed('1.9');
  const doc = smallBook('1.9', config);
  await withFake(doc, async () => {
    const { calls, onChange } = recorder();
    const watch = started(await host.watchChanges(onChange, { ...fast, ignoreSheets: ['公开03表'] }));
    doc.userEdit('公开03表', 'A1', 1);
    await clock.advance(QUIET);
    assert.equal(calls.length, 0);
    doc.userEdit('公开03表', 'A2', 1);
    doc.userEdit('公开01表', 'A2', 1);
    await clock.advance(DEBOUNCE);
    assert.equal(calls.length, 1, 'the callback');
    assert.deepEqual(calls[0].refs, ['公开01表!A2']);
    await watch.stop();
  });
});

test('a callback that throws or rejects is reported through onError; the watch goes on, nothing is thrown', async () => {
  const { clock, fast, host, config } = timed('1.9');
  const doc = smallBook('1.9', config);
  await withFake(doc, async () => {
    const errors: string[] = [];
    let n = 0;
    const watch = started(
      await host.watchChanges(
        async () => {
          n += 1;
          if (n === 1) throw new Error('boom');
          if (n === 2) return Promise.reject(new Error('late boom'));
        },
        { ...fast, onError: (f) => errors.push(f.message) },
      ),
    );
    for (let i = 0; i < 3; i++) {
      doc.userEdit('公开01表', 'C5', i);
      await clock.advance(DEBOUNCE);
      assert.equal(n, i + 1, `callback ${i + 1}`);
      await clock.advance(10);
    }
    assert.equal(errors.length, 2);
    assert.match(errors[0], /^自动重新审核失败：加载项内部错误：boom/);
    assert.ok(watch.active);
    await watch.stop();
  });
});

test('one callback at a time: edits made during a slow re-check wait for it, then call back once', async () => {
  const { clock, fast, host, config } = timed('1.9');
  const doc = smallBook('1.9', config);
  await withFake(doc, async () => {
    let running = 0;
    let most = 0;
    const seen: string[][] = [];
    const watch = started(
      await host.watchChanges(async (changes) => {
        running += 1;
        most = Math.max(most, running);
        seen.push(changes.refs);
        await clock.delay(DEBOUNCE * 4);
        running -= 1;
      }, fast),
    );
    doc.userEdit('公开01表', 'C5', 1);
    await clock.advance(DEBOUNCE);
    assert.equal(seen.length, 1, 'the first callback');
    doc.userEdit('公开01表', 'C6', 2);
    await clock.advance(DEBOUNCE * 2); // its quiet time is over while the first callback still runs
    doc.userEdit('公开02表', 'C7', 3);
    await clock.advance(DEBOUNCE * 2 - 1); // the first callback runs until 4 × DEBOUNCE after it began
    assert.equal(running, 1);
    assert.equal(seen.length, 1, 'the second burst waits while the first callback runs');
    await clock.advance(1 + DEBOUNCE);
    assert.equal(seen.length, 2, 'the second callback');
    await clock.advance(QUIET + DEBOUNCE * 4);
    assert.equal(most, 1, 'never two callbacks at once');
    assert.deepEqual(seen, [['公开01表!C5'], ['公开01表!C6', '公开02表!C7']]);
    await watch.stop();
  });
});

// ------------------------------------------------------------------ stop

for (const version of ['1.7', '1.9']) {
  test(`ExcelApi ${version}: stop() → no callback afterwards (not even for a pending burst), every handler removed`, async () => {
    const { clock, fast, host, config } = timed(version);
    const doc = smallBook(version, config);
    await withFake(doc, async () => {
      const { calls, onChange } = recorder();
      const watch = started(await host.watchChanges(onChange, fast));
      assert.ok(doc.changedHandlerCount() > 0);
      doc.userEdit('公开01表', 'C5', 1);
      await doc.eventsDelivered(); // the burst is pending
      assert.equal(clock.pending, 1, 'its timer is set');
      doc.resetCounters();
      const stopped = await watch.stop();
      assert.ok(stopped.ok, stopped.ok ? '' : stopped.error.detail);
      assert.equal(clock.pending, 0, 'the pending burst’s timer was cleared');
      assert.equal(doc.stats.roundTrips, 1, 'removed in one round trip');
      assert.equal(doc.changedHandlerCount(), 0, 'no handler left');
      assert.equal(doc.changeListeners.size, 0);
      assert.equal(watch.active, false);
      doc.userEdit('公开02表', 'C5', 2);
      await clock.advance(QUIET);
      assert.equal(calls.length, 0);
      assert.ok((await watch.stop()).ok, 'stop() twice is fine');
    });
  });
}

test('while the user types in a cell the burst waits (delayForCellEdit); stop() meanwhile → no callback at all', async () => {
  for (const stopMidway of [false, true]) {
    const { clock, fast, host, config } = timed('1.9');
    const doc = smallBook('1.9', config);
    await withFake(doc, async () => {
      const { calls, onChange } = recorder();
      const watch = started(await host.watchChanges(onChange, fast));
      doc.userEdit('公开01表', 'C5', 1);
      await doc.eventsDelivered();
      doc.enterCellEditMode(); // the user starts typing in another cell before the quiet time is over
      const runs = doc.stats.runs;
      await clock.advance(DEBOUNCE);
      assert.equal(doc.stats.runs, runs + 1, 'the flush started its Excel.run');
      await clock.advance(DEBOUNCE);
      assert.equal(calls.length, 0, 'held while in cell edit mode');
      const stopping = stopMidway ? watch.stop() : undefined;
      doc.exitCellEditMode();
      if (stopping) assert.ok((await stopping).ok);
      await clock.advance(QUIET);
      assert.equal(calls.length, stopMidway ? 0 : 1);
      if (!stopMidway) await watch.stop();
      assert.equal(doc.changedHandlerCount(), 0);
    });
  }
});

// ------------------------------------------------------------------ hosts that cannot watch

test('below ExcelApi 1.7: a clear Chinese "not supported" result, not a throw; nothing registered', async () => {
  const doc = smallBook('1.6');
  await withFake(doc, async () => {
    const host = new OfficeHost({ writeLog: new WriteLog() });
    assert.equal(host.canWatchChanges(), false);
    const result = await host.watchChanges(() => undefined, FAST);
    assert.ok(!result.ok);
    assert.equal(result.error.code, LIVE_CHECK_UNSUPPORTED);
    assert.match(result.error.message, /^当前 Excel 版本不支持自动重新审核/);
    assert.equal(doc.changedHandlerCount(), 0);
    assert.equal(doc.stats.runs, 0, 'no Excel.run at all');
  });
});

test('a host that claims a set but throws ApiNotFound for the event: the same "not supported" result', async () => {
  const doc = smallBook('1.6');
  const handle = installFakeExcel(doc);
  try {
    (globalThis as unknown as { Office: { context: { requirements: { isSetSupported: () => boolean } } } }).Office.context.requirements.isSetSupported = () => true;
    const result = await new OfficeHost({ writeLog: new WriteLog() }).watchChanges(() => undefined, FAST);
    assert.ok(!result.ok);
    assert.equal(result.error.code, LIVE_CHECK_UNSUPPORTED);
    assert.match(result.error.message, /当前 Excel 版本不支持自动重新审核/);
    assert.match(result.error.detail ?? '', /onChanged/);
  } finally {
    handle.uninstall();
  }
});

test('starting while the user types in a cell (host ignores delayForCellEdit): the cell-edit message, not a throw', async () => {
  const doc = smallBook('1.9', { supportsDelayForCellEdit: false });
  doc.enterCellEditMode();
  await withFake(doc, async () => {
    const result = await new OfficeHost({ writeLog: new WriteLog() }).watchChanges(() => undefined, FAST);
    assert.ok(!result.ok);
    assert.equal(result.error.message, CELL_EDIT_MESSAGE);
    assert.equal(doc.changedHandlerCount(), 0);
  });
});

test('outside Excel: NotInExcel', async () => {
  const result = await new OfficeHost().watchChanges(() => undefined);
  assert.ok(!result.ok);
  assert.equal(result.error.code, 'NotInExcel');
});

// ------------------------------------------------------------------ the fake's event model

test('fake: onChanged getters throw ApiNotFound at once below their set (1.7 per sheet, 1.9 for the collection)', async () => {
  const doc = smallBook('1.8');
  await withFake(doc, async () => {
    await Excel.run(async (context) => {
      assert.throws(() => context.workbook.worksheets.onChanged, (e: { code?: string }) => e.code === 'ApiNotFound');
      assert.doesNotThrow(() => context.workbook.worksheets.getItem('公开01表').onChanged);
      await context.sync();
    });
  });
});

test('fake: add() takes effect at the sync; a handler is removed only with the context it was added in', async () => {
  const doc = smallBook('1.9');
  await withFake(doc, async () => {
    const seen: string[] = [];
    const handler = async (args: Excel.WorksheetChangedEventArgs) => void seen.push(args.address);
    let result: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
    await Excel.run(async (context) => {
      result = context.workbook.worksheets.onChanged.add(handler);
      assert.equal(doc.changedHandlerCount(), 0, 'queued, not registered yet');
      await context.sync();
      assert.equal(doc.changedHandlerCount(), 1);
    });
    doc.userEdit('公开01表', 'C5', 1);
    await doc.eventsDelivered();
    assert.deepEqual(seen, ['C5'], 'the handler outlives its Excel.run');
    await assert.rejects(
      Excel.run(async (context) => {
        result!.remove();
        await context.sync();
      }),
      (e: { code?: string }) => e.code === 'InvalidObjectPath',
      'remove() queues on its own context, closed outside its Excel.run',
    );
    assert.equal(doc.changedHandlerCount(), 1);
    await Excel.run(result!.context as Excel.RequestContext, async (context) => {
      result!.remove();
      await context.sync();
    });
    assert.equal(doc.changedHandlerCount(), 0);
  });
});

test('fake: event args — no sheet in the address; triggerSource only from 1.14 ("Unknown" for the user, "ThisLocalAddin" for the add-in); details for one cell from 1.9', async () => {
  const cases: Array<[string, Partial<FakeWorksheetChangedEventArgs>, Partial<FakeWorksheetChangedEventArgs>]> = [
    ['1.7', { triggerSource: undefined, details: undefined }, { triggerSource: undefined }],
    ['1.9', { triggerSource: undefined, details: { valueBefore: 100, valueAfter: 5, valueTypeBefore: 'Integer', valueTypeAfter: 'Integer' } }, { triggerSource: undefined }],
    ['1.14', { triggerSource: 'Unknown' }, { triggerSource: 'ThisLocalAddin' }],
  ];
  for (const [version, user, addin] of cases) {
    const doc = smallBook(version);
    await withFake(doc, async () => {
      const seen: Excel.WorksheetChangedEventArgs[] = [];
      await Excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/id');
        await context.sync();
        sheets.items[0].onChanged.add(async (args) => void seen.push(args));
        await context.sync();
      });
      doc.userEdit('公开01表', 'C5', 5, { source: 'Local' });
      await Excel.run(async (context) => {
        context.workbook.worksheets.getItem('公开01表').getRange('D1:D2').values = [['a'], ['b']];
        await context.sync();
      });
      await doc.eventsDelivered();
      assert.equal(seen.length, 2, version);
      assert.equal(seen[0].address, 'C5');
      assert.equal(seen[0].worksheetId, doc.sheet('公开01表').id);
      assert.equal(seen[0].source, 'Local');
      assert.equal(seen[0].changeType, 'RangeEdited');
      assert.equal(seen[0].triggerSource, user.triggerSource, `${version} user triggerSource`);
      if ('details' in user) assert.deepEqual(seen[0].details, user.details, `${version} details`);
      assert.equal(seen[1].address, 'D1:D2');
      assert.equal(seen[1].triggerSource, addin.triggerSource, `${version} add-in triggerSource`);
      assert.equal(seen[1].details, undefined, 'no details for several cells');
    });
  }
});

test('fake: a per-sheet handler on a proxy whose id was never loaded never runs (office.js builds worksheetId from it)', async () => {
  const doc = smallBook('1.9');
  await withFake(doc, async () => {
    let calls = 0;
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('公开01表').onChanged.add(async () => void (calls += 1));
      await context.sync();
    });
    doc.userEdit('公开01表', 'C5', 1);
    await doc.eventsDelivered();
    assert.equal(calls, 0);
    assert.equal((doc.eventErrors[0] as { code?: string }).code, 'PropertyNotLoaded');
  });
});

test('fake: user edits are not add-in writes; formats raise onChanged only when configured', async () => {
  for (const formats of [false, true]) {
    const doc = smallBook('1.14', { formatChangesRaiseOnChanged: formats });
    await withFake(doc, async () => {
      doc.userEdit('公开01表', 'C5', 1);
      assert.equal(doc.writes.length, 0);
      await Excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem('公开01表').getRange('C5');
        range.format.fill.color = '#FFFF00';
        range.numberFormat = [['0.00']];
        await context.sync();
      });
      assert.equal(doc.changeLog.filter((c) => c.byAddin).length, formats ? 2 : 0);
    });
  }
});
