-- The lifecycle, exactly as ARCHITECTURE.md's table: every (status, action) pair through the
-- API and every status pair through a direct table write, legal and illegal; unarchive goes
-- back to the status held before archiving; outcome and resume-time rules; the trash freezes a
-- session; an inbound operator message wakes a paused one.
\ir helpers/setup.psql
select plan(76);

select pg_temp.add_brokers('alice');
select pg_temp.act_as('alice');

-- A fresh session of the calling broker in the given state. 'archived' is archived from active;
-- 'archived:paused' and 'archived:completed' are archived from those.
create function pg_temp.session_in(p_label text, p_state text) returns uuid
language plpgsql
as $$
declare
  v_id uuid := pg_temp.id(p_label);
begin
  perform chat.create_session(v_id, 'flight_request', p_label);
  case p_state
    when 'active' then null;
    when 'paused', 'archived:paused' then perform chat.transition_session(v_id, 'pause');
    when 'completed', 'archived:completed' then perform chat.transition_session(v_id, 'complete', 'won');
    when 'archived' then null;
  end case;
  if p_state like 'archived%' then
    perform chat.transition_session(v_id, 'archive');
  end if;
  return v_id;
end;
$$;

-- The status after an action through the API, or the error it raised.
create function pg_temp.after_action(p_from text, p_action text) returns text
language plpgsql
as $$
declare
  v_id uuid := pg_temp.session_in('action:' || p_from || ':' || p_action, p_from);
  v_error text;
begin
  v_error := pg_temp.error_of(format('select chat.transition_session(%L, %L, %L)', v_id, p_action,
    case when p_action = 'complete' then 'won' end));
  if v_error <> 'no error' then
    return v_error;
  end if;
  return (select status from chat.sessions where id = v_id);
end;
$$;

-- The status after a direct `update chat.sessions set status = ...` (completing with an outcome),
-- or the error it raised.
create function pg_temp.after_update(p_from text, p_to text) returns text
language plpgsql
as $$
declare
  v_id uuid := pg_temp.session_in('update:' || p_from || ':' || p_to, p_from);
  v_error text;
begin
  v_error := pg_temp.error_of(format(
    'update chat.sessions set status = %L, outcome = case when %L = ''completed'' then coalesce(outcome, ''won'') else outcome end where id = %L',
    p_to, p_to, v_id));
  if v_error <> 'no error' then
    return v_error;
  end if;
  return (select status from chat.sessions where id = v_id);
end;
$$;

-- Every action from every status, through transition_session.
select is(pg_temp.after_action(t.from_status, t.action), t.expected,
  format('API: %s from %s → %s', t.action, t.from_status, t.expected))
from (values
  ('active', 'pause', 'paused'), ('active', 'resume', 'PT409 invalid_transition'),
  ('active', 'complete', 'completed'), ('active', 'reopen', 'PT409 invalid_transition'),
  ('active', 'archive', 'archived'), ('active', 'unarchive', 'PT409 invalid_transition'),
  ('paused', 'pause', 'PT409 invalid_transition'), ('paused', 'resume', 'active'),
  ('paused', 'complete', 'completed'), ('paused', 'reopen', 'PT409 invalid_transition'),
  ('paused', 'archive', 'archived'), ('paused', 'unarchive', 'PT409 invalid_transition'),
  ('completed', 'pause', 'PT409 invalid_transition'), ('completed', 'resume', 'PT409 invalid_transition'),
  ('completed', 'complete', 'PT409 invalid_transition'), ('completed', 'reopen', 'active'),
  ('completed', 'archive', 'archived'), ('completed', 'unarchive', 'PT409 invalid_transition'),
  ('archived', 'pause', 'PT409 invalid_transition'), ('archived', 'resume', 'PT409 invalid_transition'),
  ('archived', 'complete', 'PT409 invalid_transition'), ('archived', 'reopen', 'PT409 invalid_transition'),
  ('archived', 'archive', 'PT409 invalid_transition'), ('archived', 'unarchive', 'active')
) as t (from_status, action, expected);

-- Unarchive returns to the status held before archiving.
select is(pg_temp.after_action(t.from_status, 'unarchive'), t.expected,
  format('API: unarchive from %s → %s', t.from_status, t.expected))
from (values ('archived:paused', 'paused'), ('archived:completed', 'completed')) as t (from_status, expected);

-- Every status pair through a direct table write (the trigger is the rule, not the API).
select is(pg_temp.after_update(t.from_status, t.to_status), t.expected,
  format('table: %s → %s gives %s', t.from_status, t.to_status, t.expected))
from (values
  ('active', 'paused', 'paused'), ('active', 'completed', 'completed'), ('active', 'archived', 'archived'),
  ('paused', 'active', 'active'), ('paused', 'completed', 'completed'), ('paused', 'archived', 'archived'),
  ('completed', 'active', 'active'), ('completed', 'paused', 'PT409 invalid_transition'),
  ('completed', 'archived', 'archived'),
  ('archived', 'active', 'active'), ('archived', 'paused', 'PT409 invalid_transition'),
  ('archived', 'completed', 'PT409 invalid_transition'),
  ('archived:paused', 'paused', 'paused'), ('archived:paused', 'active', 'PT409 invalid_transition'),
  ('archived:completed', 'completed', 'completed'), ('archived:completed', 'active', 'PT409 invalid_transition')
) as t (from_status, to_status, expected);

select is(pg_temp.error_of(format('update chat.sessions set status = ''bogus'' where id = %L',
    pg_temp.session_in('bogus status', 'active'))),
  'PT409 invalid_transition', 'table: an unknown status is refused');

-- Outcomes -----------------------------------------------------------------------------------
select '# session ' || pg_temp.session_in('deal', 'active');
select is(pg_temp.error_of(format('select chat.transition_session(%L, ''complete'')', pg_temp.id('deal'))),
  'PT400 validation', 'completing without an outcome is refused');
select is(pg_temp.error_of(format('select chat.transition_session(%L, ''complete'', ''maybe'')', pg_temp.id('deal'))),
  'PT400 validation', 'completing with an unknown outcome is refused');
select is(pg_temp.error_of(format('update chat.sessions set status = ''completed'' where id = %L', pg_temp.id('deal'))),
  'PT400 validation', 'table: completing without an outcome is refused');
select is(pg_temp.error_of(format('select chat.transition_session(%L, ''pause'', ''won'')', pg_temp.id('deal'))),
  'PT400 validation', 'an outcome goes with complete only');
select is(pg_temp.error_of(format('update chat.sessions set outcome = ''won'' where id = %L', pg_temp.id('deal'))),
  'PT400 validation', 'table: an active session cannot carry an outcome');
select is((select status from chat.sessions where id = pg_temp.id('deal')), 'active', 'the refused calls changed nothing');

select is((select (status, outcome, completed_at is not null, version)::text
           from chat.transition_session(pg_temp.id('deal'), 'complete', 'lost')),
  '(completed,lost,t,2)', 'complete records the outcome and the time, and bumps the version');
select is((select (status, status_before_archive, outcome, archived_at is not null)::text
           from chat.transition_session(pg_temp.id('deal'), 'archive')),
  '(archived,completed,lost,t)', 'archive remembers the status before, keeping the outcome');
select is((select (status, status_before_archive, outcome, archived_at)::text
           from chat.transition_session(pg_temp.id('deal'), 'unarchive')),
  '(completed,,lost,)', 'unarchive restores completed with its outcome');
select is((select (status, outcome, completed_at)::text from chat.transition_session(pg_temp.id('deal'), 'reopen')),
  '(active,,)', 'reopen clears the outcome and the completion time');

-- Resume time ----------------------------------------------------------------------------------
select '# session ' || pg_temp.session_in('nap', 'active');
select is(pg_temp.error_of(format('select chat.transition_session(%L, ''archive'', p_resume_at => now() + interval ''1 day'')',
    pg_temp.id('nap'))),
  'PT400 validation', 'a resume time goes with pause only');
select is(pg_temp.error_of(format('update chat.sessions set resume_at = now() + interval ''1 day'' where id = %L', pg_temp.id('nap'))),
  'PT400 validation', 'table: an active session cannot carry a resume time');
select is((select (status, resume_at)::text from chat.transition_session(pg_temp.id('nap'), 'pause', p_resume_at => '2030-01-01T08:00:00Z')),
  '(paused,"2030-01-01 08:00:00+00")', 'pause records the resume time');
select is((select (status, resume_at)::text from chat.transition_session(pg_temp.id('nap'), 'archive')),
  '(archived,"2030-01-01 08:00:00+00")', 'archiving a paused session keeps its resume time');
select is((select (status, resume_at)::text from chat.transition_session(pg_temp.id('nap'), 'unarchive')),
  '(paused,"2030-01-01 08:00:00+00")', 'unarchive restores paused with its resume time');
select is((select (status, resume_at)::text from chat.transition_session(pg_temp.id('nap'), 'resume')),
  '(active,)', 'resume clears the resume time');

-- Versions and actions ---------------------------------------------------------------------
select '# session ' || pg_temp.session_in('versioned', 'active');
select is((select version from chat.transition_session(pg_temp.id('versioned'), 'pause', p_expected_version => 1)), 2,
  'a transition carrying the current version succeeds and bumps it');
select is(pg_temp.error_of(format('select chat.transition_session(%L, ''resume'', p_expected_version => 1)', pg_temp.id('versioned'))),
  'PT409 conflict', 'a transition carrying a stale version is a conflict');
select is(pg_temp.error_of(format('select chat.transition_session(%L, ''explode'')', pg_temp.id('versioned'))),
  'PT400 validation', 'an unknown action is refused');
select is(pg_temp.error_of(format('select chat.transition_session(%L, ''pause'')', pg_temp.id('never created'))),
  'PT404 not_found', 'transitioning an unknown session is not_found');

-- The trash freezes a session --------------------------------------------------------------
select '# session ' || pg_temp.session_in('binned', 'paused');
select '# binned trashed' from chat.delete_session(pg_temp.id('binned'));
select is(pg_temp.error_of(format('select chat.transition_session(%L, ''resume'')', pg_temp.id('binned'))),
  'PT409 in_trash', 'a session in the trash cannot change status');
select is(pg_temp.error_of(format('update chat.sessions set status = ''active'' where id = %L', pg_temp.id('binned'))),
  'PT409 in_trash', 'table: nor through a direct write');
select is(pg_temp.error_of(format('select chat.update_session(%L, ''{"title": "x"}'')', pg_temp.id('binned'))),
  'PT409 in_trash', 'a session in the trash cannot be edited');
select is(pg_temp.error_of(format('select chat.set_session_pinned(%L, true)', pg_temp.id('binned'))),
  'PT409 in_trash', 'a session in the trash cannot be pinned');
select is(pg_temp.error_of(format('select chat.append_message(gen_random_uuid(), %L, ''hello?'')', pg_temp.id('binned'))),
  'PT409 in_trash', 'nothing can be appended to a session in the trash');
select is((select (status, deleted_at)::text from chat.restore_session(pg_temp.id('binned'))), '(paused,)',
  'restore brings it back in the status it had');
select is((select status from chat.transition_session(pg_temp.id('binned'), 'resume')), 'active',
  'a restored session moves again');

-- An inbound operator message wakes a paused session ------------------------------------------
select '# session ' || pg_temp.session_in('sleeper', 'paused');
select '# sleeper resumed' from chat.transition_session(pg_temp.id('sleeper'), 'resume');
select '# sleeper paused until tomorrow' from chat.transition_session(pg_temp.id('sleeper'), 'pause', p_resume_at => now() + interval '1 day');
select '# thread opened' from chat.open_operator_thread(pg_temp.id('sleeper thread'), pg_temp.id('sleeper'), 'VistaJet');
select '# broker wrote in the thread' from chat.append_message(pg_temp.id('broker asks'), pg_temp.id('sleeper'), 'Any availability?',
  p_thread_id => pg_temp.id('sleeper thread'));
select '# broker wrote in the main conversation' from chat.append_message(pg_temp.id('broker notes'), pg_temp.id('sleeper'), 'Waiting');
-- Issue 11 changed this rule: a broker's message now resumes a paused session (it used to
-- leave it paused, which the issue names as the bug). Pause it again for the operator's turn.
select is((select status from chat.sessions where id = pg_temp.id('sleeper')), 'active',
  'the broker''s own message resumes a paused session');
select '# sleeper paused again' from chat.transition_session(pg_temp.id('sleeper'), 'pause', p_resume_at => now() + interval '1 day');
create temp table before_wake as select * from chat.sessions where id = pg_temp.id('sleeper');

select '# session ' || pg_temp.session_in('archived sleeper', 'archived:paused');
select '# session ' || pg_temp.session_in('done deal', 'completed');
select '# session ' || pg_temp.session_in('binned sleeper', 'paused');
select '# binned sleeper trashed' from chat.delete_session(pg_temp.id('binned sleeper'));

select pg_temp.act_as_service();
select '# operator replies: ' || count(*)
from unnest(array['sleeper', 'archived sleeper', 'done deal', 'binned sleeper']) as s,
  lateral chat.record_operator_message(pg_temp.id('reply ' || s), pg_temp.id(s), 'Yes, a Global 6000',
    p_operator_name => 'VistaJet', p_thread_external_ref => 'vj') as m;
select pg_temp.act_as('alice');

select is((select (status, resume_at)::text from chat.sessions where id = pg_temp.id('sleeper')), '(active,)',
  'an inbound operator message wakes a paused session and clears its resume time');
select is((select version from chat.sessions where id = pg_temp.id('sleeper')),
  (select version + 1 from before_wake), 'waking is a versioned change');
select is((select status from chat.sessions where id = pg_temp.id('archived sleeper')), 'archived',
  'an archived session stays archived');
select is((select status from chat.sessions where id = pg_temp.id('done deal')), 'completed',
  'a completed session stays completed');
select is((select (status, deleted_at is not null)::text from chat.sessions where id = pg_temp.id('binned sleeper')), '(paused,t)',
  'a paused session in the trash stays asleep in the trash');

select * from finish();
rollback;
