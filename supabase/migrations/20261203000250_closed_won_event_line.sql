-- Setting a flight request's stage to `closed_won` by hand (the stepper's last step, or the
-- request editor) left no event line: the guard `not (v_event = 'completed' and …)` was NULL,
-- not true, when the status did not change (v_event null), so the stage line was skipped.
-- Found by the SDK test that proves every stage's line uses the SDK's vocabulary (issue 11,
-- item 10). Same function, with the comparison null-safe.
create or replace function chat_private.sessions_event_lines() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_event text;
  v_content text;
begin
  if new.status is distinct from old.status then
    v_event := case
      when old.status = 'archived' then 'unarchived'
      when new.status = 'archived' then 'archived'
      when new.status = 'paused' then 'paused'
      when new.status = 'completed' then 'completed'
      when old.status = 'completed' then 'reopened'
      else 'resumed'
    end;
    v_content := case v_event
      when 'unarchived' then 'Unarchived'
      when 'archived' then 'Archived'
      when 'paused' then 'Paused'
      when 'completed' then 'Completed · ' || initcap(new.outcome)
      when 'reopened' then 'Reopened'
      else 'Resumed'
    end;
    perform chat_private.append_event_line(new.id, v_content, jsonb_build_object(
      'event', v_event, 'from', old.status, 'to', new.status,
      'outcome', case when v_event = 'completed' then new.outcome end,
      'resume_at', case when v_event = 'paused' then new.resume_at end));
  end if;
  if new.stage is distinct from old.stage and new.stage is not null
     and not (v_event is not distinct from 'completed' and new.stage = 'closed_won') then
    perform chat_private.append_event_line(new.id, 'Stage → ' || chat_private.stage_label(new.stage),
      jsonb_build_object('event', 'stage_changed', 'from', old.stage, 'to', new.stage));
  end if;
  if new.deleted_at is distinct from old.deleted_at then
    if new.deleted_at is not null then
      perform chat_private.append_event_line(new.id, 'Moved to trash', jsonb_build_object('event', 'trashed'));
    else
      perform chat_private.append_event_line(new.id, 'Restored from trash', jsonb_build_object('event', 'restored'));
    end if;
  end if;
  return null;
end;
$$;
