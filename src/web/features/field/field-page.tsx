/**
 * "Collecte terrain": a field worker enters answers from paper forms, or together with the
 * person, on a phone or a laptop, with or without network. Each completed answer set is kept on
 * the device (outbox.ts) and sent when the network allows (sync.ts). The page itself opens
 * offline once visited: the service worker keeps the app and this campaign's questionnaire.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Container,
  Group,
  List,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, get, seg } from '../../api/client.ts';
import type { FieldQuestionnaire } from '../../api/types.ts';
import { checkAnswers, visibleQuestionIds } from '../../../domain/answers.ts';
import { makePairingCode, normalisePairingCode, pairingCodeProblem } from '../../../domain/pairing-code.ts';
import { useLabel, useLocale } from '../../i18n/use-locale.ts';
import { Link, paths } from '../../router.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { PageLoader } from '../../ui/page.tsx';
import { newClientId, type AssistedMode, type OutboxEntry } from './outbox.ts';
import { canRender, isAnswered, QuestionInput, type AnswerValue } from './question-input.tsx';
import { discardEntry, keepAnswers, sendWaiting, startFieldSync, useOutbox } from './sync.ts';

export const fieldQuestionnaireUrl = (orgId: string, campaignId: string) =>
  `/api/organisations/${seg(orgId)}/campaigns/${seg(campaignId)}/field`;

function subscribeOnline(listener: () => void) {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine);
}

/** Asks the service worker to keep this questionnaire; true once it says it has it. */
function useKeptOffline(url: string, loaded: boolean): boolean {
  const [kept, setKept] = useState(false);
  useEffect(() => {
    if (!loaded || !('serviceWorker' in navigator)) return;
    const onMessage = (event: MessageEvent<{ type?: string; url?: string; ok?: boolean }>) => {
      if (event.data?.type === 'field-kept' && event.data.url === url)
        setKept(Boolean(event.data.ok));
    };
    navigator.serviceWorker.addEventListener('message', onMessage);
    let cancelled = false;
    void navigator.serviceWorker.ready.then((registration) => {
      if (!cancelled) registration.active?.postMessage({ type: 'keep-field', url });
    });
    return () => {
      cancelled = true;
      navigator.serviceWorker.removeEventListener('message', onMessage);
    };
  }, [url, loaded]);
  return kept;
}

export function FieldPage({ orgId, campaignId }: { orgId: string; campaignId: string }) {
  const { t } = useTranslation();
  const online = useOnline();
  const url = fieldQuestionnaireUrl(orgId, campaignId);
  const definition = useQuery({
    queryKey: ['field', orgId, campaignId],
    queryFn: () => get<FieldQuestionnaire>(url),
    // Offline, the service worker answers with the copy it kept: do not wait for the network.
    networkMode: 'always',
    staleTime: 60_000,
    retry: false,
  });
  const kept = useKeptOffline(url, definition.isSuccess);

  useEffect(() => {
    startFieldSync();
  }, []);

  return (
    <Container size="sm" py="lg" px="md">
      <Stack gap="lg">
        <div>
          <Text size="sm" c="dimmed">
            {definition.data?.organisationName ?? 'Socle'}
          </Text>
          <Title order={1} fz={26}>
            {t('field.title')}
          </Title>
          {definition.data && (
            <Text fw={600} mt={4}>
              {definition.data.name}
            </Text>
          )}
          <Group gap="sm" mt={8}>
            <Badge
              color={online ? 'teal.9' : 'gray.8'}
              variant="filled"
              data-testid="field-network"
            >
              {online ? t('field.online') : t('field.offline')}
            </Badge>
            {kept && (
              <Text size="xs" c="dimmed" data-testid="field-kept">
                {t('field.keptOffline')}
              </Text>
            )}
          </Group>
        </div>
        <Outbox campaignId={campaignId} questions={definition.data?.questions ?? []} userId={definition.data?.fieldWorkerId ?? null} />
        <Definition query={definition} orgId={orgId} campaignId={campaignId} />
        <Anchor component={Link} to={paths.campaigns} size="sm">
          {t('field.backToCampaigns')}
        </Anchor>
      </Stack>
    </Container>
  );
}

function Definition({
  query,
  orgId,
  campaignId,
}: {
  query: ReturnType<typeof useQuery<FieldQuestionnaire>>;
  orgId: string;
  campaignId: string;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    const error = query.error;
    if (error instanceof ApiError && error.status === 0) {
      return (
        <Alert color="orange" variant="light" title={t('field.notKeptTitle')} role="alert">
          {t('field.notKeptText')}
        </Alert>
      );
    }
    if (error instanceof ApiError && error.status === 401) {
      return (
        <Alert color="orange" variant="light" title={t('field.signInTitle')} role="alert">
          <Stack gap="xs" align="flex-start">
            <span>{t('field.signInText')}</span>
            <Button component="a" href="/" size="xs">
              {t('field.signIn')}
            </Button>
          </Stack>
        </Alert>
      );
    }
    return <ErrorAlert error={error} onRetry={() => void query.refetch()} />;
  }
  const data = query.data;
  if (!data.open) {
    return (
      <Alert color="gray" variant="light" title={t('field.closedTitle')}>
        {t('field.closedText')}
      </Alert>
    );
  }
  return <AnswerForm data={data} orgId={orgId} campaignId={campaignId} />;
}

interface Draft {
  clientId: string;
  mode: AssistedMode;
  answers: Record<string, AnswerValue>;
  /** Before/after: the code given ("before") or typed ("after"). */
  code?: string;
}

/** A follow-up code made on the device, so that it can be handed over offline too. */
const newPairingCode = () => makePairingCode(crypto.getRandomValues(new Uint8Array(5)));
const draftKey = (campaignId: string) => `socle.field.draft.${campaignId}`;

function readDraft(campaignId: string): Draft | null {
  try {
    const d = JSON.parse(
      window.localStorage.getItem(draftKey(campaignId)) ?? 'null',
    ) as Draft | null;
    return d &&
      typeof d.clientId === 'string' &&
      typeof d.answers === 'object' &&
      d.answers !== null
      ? {
          clientId: d.clientId,
          mode: d.mode === 'with_person' ? 'with_person' : 'paper',
          answers: d.answers,
          ...(typeof d.code === 'string' ? { code: d.code } : {}),
        }
      : null;
  } catch {
    return null;
  }
}

function writeDraft(campaignId: string, draft: Draft) {
  try {
    window.localStorage.setItem(draftKey(campaignId), JSON.stringify(draft));
  } catch {
    // A draft is a comfort: without storage, the form still works until the page closes.
  }
}

function AnswerForm({
  data,
  orgId,
  campaignId,
}: {
  data: FieldQuestionnaire;
  orgId: string;
  campaignId: string;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const locale = useLocale();
  // A new clientId for each answer set, made when its form is started.
  // A form being filled in survives a reload (offline too): it is kept as a draft.
  const [draft] = useState(() => readDraft(campaignId));
  const [clientId, setClientId] = useState(draft?.clientId ?? newClientId);
  const [mode, setMode] = useState<AssistedMode>(draft?.mode ?? 'paper');
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>(draft?.answers ?? {});
  const freshCode = () => (data.pairing === 'before' ? newPairingCode() : '');
  const [code, setCode] = useState(() => draft?.code ?? freshCode());
  const [codeProblem, setCodeProblem] = useState<string | null>(null);
  useEffect(() => {
    writeDraft(campaignId, { clientId, mode, answers, code });
  }, [campaignId, clientId, mode, answers, code]);
  // What the server would say of each answer, checked before the answers are kept.
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(0);
  const [storageFailed, setStorageFailed] = useState(false);

  // Conditions are read as the form is filled: a question shows once earlier answers call for it.
  const rules = data.questions.filter((q) => canRender(q.type)).map((q) => ({ ...q, showIf: q.showIf ?? null }));
  const given = Object.fromEntries(Object.entries(answers).filter(([, v]) => isAnswered(v)));
  const visible = visibleQuestionIds(rules, given);
  const shown = data.questions.filter((q) => visible.has(q.id));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // The same check as the server's: what the device keeps will be accepted when sent.
    const clean = Object.fromEntries(
      Object.entries(given).filter(([id]) => visible.has(id)),
    ) as OutboxEntry['answers'];
    const checked = checkAnswers(rules, clean);
    const typed = normalisePairingCode(code);
    const codeIssue = data.pairing === 'after' && !(typed === '' && data.pairingCodeOptional) ? pairingCodeProblem(typed) : null;
    setCodeProblem(codeIssue ? t(`field.codeProblem.${codeIssue}`) : null);
    if (codeIssue) {
      document.getElementById('field-code')?.scrollIntoView({ block: 'center' });
      return;
    }
    const found = checked.ok ? {} : Object.fromEntries(checked.errors.map((e) => [e.questionId, locale === 'en' ? e.en : e.fr]));
    setProblems(found);
    const first = shown.find((q) => found[q.id]);
    if (first) {
      document.getElementById(`field-q-${first.id}`)?.scrollIntoView({ block: 'center' });
      return;
    }
    const stored = keepAnswers({
      clientId,
      userId: data.fieldWorkerId,
      ...(data.pairing && typed ? { pairingCode: typed } : {}),
      orgId,
      campaignId,
      mode,
      answers: clean,
      savedAt: new Date().toISOString(),
      attempts: 0,
      lastAttemptAt: null,
      error: null,
    });
    setStorageFailed(!stored);
    // Nothing is cleared when the device could not keep the answers: they stay in the form.
    if (!stored) return;
    setSaved((n) => n + 1);
    setAnswers({});
    setProblems({});
    setCode(freshCode());
    setClientId(newClientId());
    window.scrollTo(0, 0);
  };

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby="field-form-title"
    >
      <form onSubmit={onSubmit} noValidate data-client-id={clientId}>
        <Stack gap="lg">
          <div>
            <Title order={2} fz={20} id="field-form-title">
              {data.title}
            </Title>
            {data.introFr && (
              <Text size="sm" c="dimmed" mt={4} style={{ whiteSpace: 'pre-line' }}>
                {data.introFr}
              </Text>
            )}
          </div>
          {saved > 0 && (
            <Alert color="green" variant="light" role="status" data-testid="field-saved">
              {t('field.saved')}
            </Alert>
          )}
          <Radio.Group
            label={t('field.mode')}
            value={mode}
            onChange={(v) => setMode(v === 'with_person' ? 'with_person' : 'paper')}
          >
            <Group gap="lg" mt={6}>
              <Radio value="paper" label={t('field.modePaper')} />
              <Radio value="with_person" label={t('field.modeWithPerson')} />
            </Group>
          </Radio.Group>
          {data.pairing === 'before' && (
            <Alert color="blue" variant="light" id="field-code" data-testid="field-code-given">
              {t('field.codeGiven')}{' '}
              <Text span fw={700} ff="monospace" fz="lg">
                {code}
              </Text>
            </Alert>
          )}
          {data.pairing === 'after' && (
            <TextInput
              id="field-code"
              label={t('field.codeAsked')}
              description={data.pairingCodeOptional ? t('field.codeOptional') : undefined}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={codeProblem}
              maw={240}
              autoComplete="off"
            />
          )}
          {shown.map((q, i) => (
            <div key={`${clientId}-${q.id}`} id={`field-q-${q.id}`}>
              {data.sections[q.section]?.titleFr && shown[i - 1]?.section !== q.section && (
                <Title order={3} fz={17} mb="sm">
                  {label({ labelFr: data.sections[q.section]!.titleFr, labelEn: data.sections[q.section]!.titleEn })}
                </Title>
              )}
              <QuestionInput
                question={q}
                number={i + 1}
                value={answers[q.id]}
                onChange={(value) =>
                  setAnswers((current) => {
                    const next = { ...current };
                    if (value === undefined) delete next[q.id];
                    else next[q.id] = value;
                    return next;
                  })
                }
                error={problems[q.id]}
              />
            </div>
          ))}
          {storageFailed && (
            <Alert color="red" variant="light" role="alert">
              {t('field.storageFailed')}
            </Alert>
          )}
          {Object.keys(problems).length > 0 && (
            <Alert color="red" variant="light" role="alert">
              {t('field.missing', { count: Object.keys(problems).length })}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit">{t('field.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Outbox({
  campaignId,
  questions,
  userId,
}: {
  campaignId: string;
  questions: FieldQuestionnaire['questions'];
  /** The person signed in: entries someone else entered on this device wait for them. */
  userId: string | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { entries, status } = useOutbox();
  const byOther = (e: { userId?: string }) => Boolean(userId && e.userId && e.userId !== userId);
  const mine = entries.filter((e) => e.campaignId === campaignId && !byOther(e));
  const otherPeople = entries.filter(byOther).length;
  const time = (iso: string) =>
    new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'fr-FR', {
      dateStyle: 'short',
      timeStyle: 'medium',
    });
  const labelOf = (field: string) => {
    const id = field.replace(/^(body\.)?answers\./, '');
    const index = questions.findIndex((q) => q.id === id);
    return index >= 0 ? `${index + 1}. ${questions[index]!.labelFr}` : field;
  };
  const others = entries.length - mine.length - otherPeople;

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="field-outbox">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Text
            fw={600}
            id="field-outbox"
            data-testid="field-pending"
            data-count={mine.length}
            role="status"
          >
            {mine.length === 0
              ? t('field.noneWaiting')
              : t('field.waiting', { count: mine.length })}
          </Text>
          <Button
            size="xs"
            variant="default"
            loading={status.sending}
            onClick={() => void sendWaiting({ includeRefused: true })}
          >
            {t('field.sendNow')}
          </Button>
        </Group>
        {others > 0 && (
          <Text size="sm" c="dimmed">
            {t('field.othersWaiting', { count: others })}
          </Text>
        )}
        {otherPeople > 0 && (
          <Text size="sm" c="dimmed" data-testid="field-other-people">
            {t('field.otherPeopleWaiting', { count: otherPeople })}
          </Text>
        )}
        {status.lastAttemptAt && (
          <Text size="sm" c="dimmed" data-testid="field-last-attempt">
            {t('field.lastAttempt', { time: time(status.lastAttemptAt) })}
            {status.nextTryAt
              ? ` · ${t('field.nextTry', { time: time(new Date(status.nextTryAt).toISOString()) })}`
              : ''}
          </Text>
        )}
        {mine.length > 0 && (
          <List spacing={6} size="sm" data-testid="field-entries">
            {mine.map((e) => (
              <List.Item key={e.clientId}>
                <Text size="sm" span>
                  {t('field.entrySaved', { time: time(e.savedAt) })} ·{' '}
                  {e.mode === 'paper' ? t('field.modePaper') : t('field.modeWithPerson')}
                </Text>
                {e.error && (
                  <Stack gap={2} mt={2}>
                    <Text size="sm" c={e.error.rejected ? 'red.9' : 'gray.8'}>
                      {e.error.status === 0
                        ? t('field.errorNetwork')
                        : e.error.status === 401
                          ? t('field.errorSignedOut')
                          : e.error.rejected
                            ? t('field.errorRefused', {
                                reason:
                                  locale === 'en' && e.error.messageEn
                                    ? e.error.messageEn
                                    : e.error.message,
                              })
                            : t('field.errorServer')}
                    </Text>
                    {e.error.rejected &&
                      e.error.fields?.map((f) => (
                        <Text size="xs" c="red.9" key={f.field}>
                          {labelOf(f.field)} : {f.message}
                        </Text>
                      ))}
                    {e.error.rejected && (
                      <Group gap="xs">
                        <Button
                          size="compact-sm"
                          variant="default"
                          onClick={() => {
                            if (window.confirm(t('field.discardConfirm'))) discardEntry(e.clientId);
                          }}
                        >
                          {t('field.discard')}
                        </Button>
                      </Group>
                    )}
                  </Stack>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}
