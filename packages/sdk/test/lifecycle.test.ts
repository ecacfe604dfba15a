import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { availableActions, canChangeStatus, listTabOf, tabOf, targetStatus } from '../src/index.js';

describe('lifecycle helpers', () => {
  it('puts active and paused in the Active tab, trashed sessions in the trash', () => {
    assert.equal(tabOf('active'), 'active');
    assert.equal(tabOf('paused'), 'active');
    assert.equal(tabOf('completed'), 'completed');
    assert.equal(tabOf('archived'), 'archived');
    assert.equal(listTabOf({ status: 'paused', deletedAt: '2026-01-01T00:00:00Z' }), 'trash');
  });

  it('unarchives back to the status held before archiving', () => {
    assert.equal(
      targetStatus({ status: 'archived', statusBeforeArchive: 'paused' }, 'unarchive'),
      'paused',
    );
    assert.equal(targetStatus({ status: 'completed', statusBeforeArchive: null }, 'pause'), null);
    assert.equal(canChangeStatus('archived', 'completed', 'completed'), true);
    assert.equal(canChangeStatus('archived', 'active', 'completed'), false);
  });

  it('offers only restore in the trash, and mark read only with unread replies', () => {
    const base = { status: 'active' as const, deletedAt: null, pinned: false, unreadCount: 0 };
    assert.deepEqual(availableActions(base), [
      'pause',
      'complete',
      'archive',
      'rename',
      'pin',
      'delete',
    ]);
    assert.deepEqual(availableActions({ ...base, pinned: true, unreadCount: 2 }), [
      'pause',
      'complete',
      'archive',
      'rename',
      'unpin',
      'mark_read',
      'delete',
    ]);
    assert.deepEqual(availableActions({ ...base, deletedAt: '2026-01-01T00:00:00Z' }), ['restore']);
  });
});
