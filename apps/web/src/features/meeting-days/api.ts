import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, apiErrorOf, call, type Schemas } from '../../api/client';
import { keys } from '../../api/query-keys';
import { useJob } from '../matching/api';

export type MeetingDay = Schemas['EventResponseDto'];
export type Registration = Schemas['RegistrationResponseDto'];
export type Meeting = Schemas['MeetingResponseDto'];
export type Participant = Schemas['ParticipantDto'];

const path = (id: string) => ({ params: { path: { id } } });

/** The meeting days anyone sees (open and closed), and an officer's own drafts: the first 100, newest first. */
export function useMeetingDays() {
  return useQuery({
    queryKey: keys.meetingDays.list(),
    staleTime: 0,
    queryFn: () => call(api.GET('/events', { params: { query: { limit: 100 } } })),
  });
}

export function useMeetingDay(id: string) {
  return useQuery({
    queryKey: keys.meetingDays.one(id),
    staleTime: 0,
    queryFn: () => call(api.GET('/events/{id}', path(id))),
  });
}

/** Every registration for the host; the caller's own (zero or one) for a contractor or social enterprise. */
export function useRegistrations(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.meetingDays.registrations(id),
    staleTime: 0,
    enabled,
    queryFn: () => call(api.GET('/events/{id}/registrations', path(id))),
  });
}

/** Registered organisations by name (for a registrant: those of the other kind, to wish for). */
export function useParticipants(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.meetingDays.participants(id),
    staleTime: 0,
    enabled,
    queryFn: () => call(api.GET('/events/{id}/participants', path(id))),
  });
}

/** The day's meetings: all for the host, the caller's own (once published) for a registrant. */
export function useSchedule(id: string, enabled = true) {
  return useQuery({
    queryKey: keys.meetingDays.schedule(id),
    staleTime: 0,
    enabled,
    queryFn: () => call(api.GET('/events/{id}/schedule', path(id))),
  });
}

export function useResults(id: string) {
  return useQuery({
    queryKey: keys.meetingDays.results(id),
    staleTime: 0,
    queryFn: () => call(api.GET('/events/{id}/results', path(id))),
  });
}

/** After any step on a day, every meeting-day list and view is read again. */
function useInvalidateDays() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: keys.meetingDays.all });
}

export function useCreateMeetingDay() {
  const invalidate = useInvalidateDays();
  return useMutation({
    mutationFn: (body: Schemas['CreateEventDto']) => call(api.POST('/events', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateMeetingDay(id: string) {
  const invalidate = useInvalidateDays();
  return useMutation({
    mutationFn: (body: Schemas['UpdateEventDto']) => call(api.PATCH('/events/{id}', { ...path(id), body })),
    onSuccess: invalidate,
  });
}

/** Opens or closes registration. */
export function useTransition(id: string) {
  const invalidate = useInvalidateDays();
  return useMutation({
    mutationFn: (action: 'open' | 'close') =>
      call(
        action === 'open'
          ? api.POST('/events/{id}/open', path(id))
          : api.POST('/events/{id}/close', path(id)),
      ),
    onSuccess: invalidate,
  });
}

export function usePublishSchedule(id: string) {
  const invalidate = useInvalidateDays();
  return useMutation({
    mutationFn: () => call(api.POST('/events/{id}/schedule/publish', path(id))),
    onSuccess: invalidate,
  });
}

/**
 * Building the schedule: the request, then the background job it started (polled, with its progress); once the
 * job is done the day and its schedule are read again.
 */
export function useBuildSchedule(id: string) {
  const qc = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const build = useMutation({
    mutationFn: () => call(api.POST('/events/{id}/schedule', path(id))),
    onSuccess: (r) => setJobId(r.id),
  });
  const job = useJob(jobId);
  const jobStatus = job.data?.status;
  useEffect(() => {
    if (jobStatus === 'done') void qc.invalidateQueries({ queryKey: keys.meetingDays.all });
  }, [jobStatus, qc]);
  return { build, job };
}

type RegistrationBody = Schemas['CreateRegistrationDto'];

export function useRegister(id: string) {
  const invalidate = useInvalidateDays();
  return useMutation({
    mutationFn: (body: RegistrationBody) =>
      call(api.POST('/events/{id}/registrations', { ...path(id), body })),
    onSuccess: invalidate,
  });
}

export function useUpdateRegistration(id: string, registrationId: string) {
  const invalidate = useInvalidateDays();
  return useMutation({
    mutationFn: (body: RegistrationBody) =>
      call(
        api.PATCH('/events/{id}/registrations/{registrationId}', {
          params: { path: { id, registrationId } },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
}

export function useWithdraw(id: string, registrationId: string) {
  const invalidate = useInvalidateDays();
  return useMutation({
    mutationFn: () =>
      call(
        api.DELETE('/events/{id}/registrations/{registrationId}', {
          params: { path: { id, registrationId } },
        }),
      ),
    onSuccess: invalidate,
  });
}

/** Either party records how a meeting went; the latest record counts. */
export function useRecordOutcome(eventId: string, meetingId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['RecordOutcomeDto']) =>
      call(api.POST('/meetings/{id}/outcome', { ...path(meetingId), body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.meetingDays.schedule(eventId) }),
  });
}

/** The caller's meetings as an .ics file: fetched with the access token (a plain link would not carry it). */
export async function downloadCalendar(day: MeetingDay): Promise<void> {
  const res = await api.GET('/events/{id}/calendar', { ...path(day.id), parseAs: 'blob' });
  if (!res.response.ok || !res.data) throw apiErrorOf(res.response, res.error);
  const url = URL.createObjectURL(res.data as Blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `buy-social-marktplaats-${day.date}.ics`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
