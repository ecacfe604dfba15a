import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  calendarDate,
  dateInTimeZone,
  nextDayOfMonth,
  nextMonthDay,
  nextWeekday,
} from '../../src/metadata/parse/calendar.js';
import { parseFlightRequest } from '../../src/metadata/index.js';

describe('calendar arithmetic', () => {
  test('calendarDate refuses days that do not exist', () => {
    assert.equal(calendarDate(2026, 2, 29), null);
    assert.equal(calendarDate(2028, 2, 29), '2028-02-29');
    assert.equal(calendarDate(2026, 4, 31), null);
    assert.equal(calendarDate(2026, 13, 1), null);
  });

  test('next month and day rolls over the year end', () => {
    assert.equal(nextMonthDay(1, 3, '2026-12-28'), '2027-01-03');
    assert.equal(nextMonthDay(12, 28, '2026-12-28'), '2026-12-28');
    assert.equal(nextMonthDay(2, 29, '2026-03-01'), '2028-02-29');
  });

  test('next day of the month skips months too short for it', () => {
    assert.equal(nextDayOfMonth(2, '2026-12-28'), '2027-01-02');
    assert.equal(nextDayOfMonth(31, '2026-04-10'), '2026-05-31');
    assert.equal(nextDayOfMonth(30, '2027-01-31'), '2027-03-30');
    assert.equal(nextDayOfMonth(32, '2026-01-01'), null);
  });

  test('next weekday, on or strictly after', () => {
    assert.equal(nextWeekday(5, '2026-12-01', false), '2026-12-04');
    assert.equal(nextWeekday(2, '2026-12-01', false), '2026-12-01');
    assert.equal(nextWeekday(2, '2026-12-01', true), '2026-12-08');
    assert.equal(nextWeekday(1, '2026-12-28', true), '2027-01-04');
  });

  test('today depends on the time zone', () => {
    const instant = new Date('2027-01-01T03:30:00Z');
    assert.equal(dateInTimeZone(instant, 'America/Los_Angeles'), '2026-12-31');
    assert.equal(dateInTimeZone(instant, 'Europe/Paris'), '2027-01-01');
    assert.throws(() => dateInTimeZone(instant, 'Mars/Olympus'), RangeError);
  });
});

describe('parser options', () => {
  test('day-first numeric dates when configured, without an ambiguity warning', () => {
    const draft = parseFlightRequest('TEB-VNY 03/04/2027', {
      referenceDate: '2026-12-01',
      numericDateOrder: 'day_first',
    });
    assert.equal(draft.legs[0]?.date, '2027-04-03');
    assert.deepEqual(draft.issues, []);
  });

  test('malformed options are a programmer error that says what to fix', () => {
    assert.throws(
      () => parseFlightRequest('TEB-VNY', { timeZone: 'Nowhere/Else' }),
      /invalid options.*timeZone/s,
    );
    assert.throws(
      () => parseFlightRequest('TEB-VNY', { referenceDate: 'yesterday' }),
      /invalid options/,
    );
  });

  test('a Date reference is read in the time zone', () => {
    const referenceDate = new Date('2027-01-01T03:30:00Z');
    assert.equal(
      parseFlightRequest('TEB-VNY today', { referenceDate, timeZone: 'America/Los_Angeles' })
        .legs[0]?.date,
      '2026-12-31',
    );
    assert.equal(
      parseFlightRequest('TEB-VNY today', { referenceDate, timeZone: 'Asia/Tokyo' }).legs[0]?.date,
      '2027-01-01',
    );
  });

  test('text past the length limit is ignored', () => {
    const draft = parseFlightRequest(`${'x '.repeat(2500)} TEB-VNY`, {
      referenceDate: '2026-12-01',
    });
    assert.equal(draft.kind, 'general');
  });
});
