import { Alert, Box, Button, Group, List, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  missionCompleteness,
  planCompleteness,
  stakeholdersCompleteness,
  type StepCompleteness,
} from '../../../domain/first-steps.ts';
import { ApiError, get, put, seg } from '../../api/client.ts';
import { formatDateTime } from '../../format/index.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { navigate, paths } from '../../router.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { IconCheck } from '../../ui/icons.tsx';
import { PageHeader, PageLoader } from '../../ui/page.tsx';
import { useWorkspace } from '../shell/workspace.tsx';
import { IndicatorsStep } from './indicators-step.tsx';
import { MapStep } from './map-step.tsx';
import { MissionStep } from './mission-step.tsx';
import { PlanStep } from './plan-step.tsx';
import { PrintSheet } from './print-sheets.tsx';
import { draftOf, firstStepsKey, type Draft, type FirstSteps, type Tool } from './model.ts';
import './first-steps.css';

function IconPrinter({ size = 18 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M7 9V3h10v6" />
      <path d="M7 17H5a2 2 0 0 1-2-2v-4a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v4a2 2 0 0 1-2 2h-2" />
      <path d="M7 14h10v7H7z" />
    </svg>
  );
}

const stepTool: Record<number, Tool> = { 1: 'mission', 2: 'map', 3: 'template', 4: 'plan' };
const toolName: Record<Tool, string> = {
  mission: 'firstSteps.mission.tool',
  map: 'firstSteps.map.tool',
  template: 'firstSteps.indicators.templateTool',
  plan: 'firstSteps.plan.tool',
};

/** The path's page for the organisation given by slug or id in the address. */
export function FirstStepsRoute({ org: wanted }: { org: string }) {
  const ws = useWorkspace();
  const { t } = useTranslation();
  const found = ws.me.organisations.find((o) => o.slug === wanted || o.id === wanted);
  useEffect(() => {
    if (found && found.id !== ws.org.id) ws.setOrgId(found.id);
  }, [found, ws]);
  if (!found) {
    return (
      <Alert color="red" variant="light" title={t('errors.notFoundTitle')} role="alert">
        {t('errors.notFoundText')}
      </Alert>
    );
  }
  if (found.id !== ws.org.id) return <PageLoader />;
  return <FirstStepsPage />;
}

/** The "premiers pas" path: four steps, each saved to the server, resumed where it was left. */
export function FirstStepsPage() {
  const { t } = useTranslation();
  const { org } = useWorkspace();
  const query = useQuery({
    queryKey: firstStepsKey(org.id),
    queryFn: () => get<FirstSteps>(`/api/organisations/${seg(org.id)}/first-steps`),
  });
  return (
    <>
      <PageHeader title={t('firstSteps.title')} description={t('firstSteps.intro')} />
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Path key={org.id} data={query.data} onReload={() => query.refetch()} />
      )}
    </>
  );
}

function Missing({ result }: { result: StepCompleteness }) {
  const { t, i18n } = useTranslation();
  if (result.complete) {
    return (
      <Alert color="teal" variant="light" icon={<IconCheck />} py="xs" data-testid="step-complete">
        {t('firstSteps.stepDone')}
      </Alert>
    );
  }
  return (
    <Alert color="yellow" variant="light" py="xs" title={t('firstSteps.missingTitle')} data-testid="step-missing">
      <List size="sm" spacing={2}>
        {result.missing.map((m) => (
          <List.Item key={m.code}>{i18n.language === 'en' ? m.en : m.fr}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

function Path({ data, onReload }: { data: FirstSteps; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { org } = useWorkspace();
  const queryClient = useQueryClient();
  const readOnly = !data.canEdit;
  const [draft, setDraft] = useState<Draft>(() => draftOf(data));
  const [saved, setSaved] = useState<Draft>(() => draftOf(data));
  const [step, setStep] = useState<number>(data.currentStep);
  const [printing, setPrinting] = useState<Tool | null>(null);
  const revision = useRef(data.revision);
  // On a phone the four steps sit side by side, labels under their numbers.
  const narrow = useMediaQuery('(max-width: 40em)', false, { getInitialValueInEffect: false });
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);

  const save = useMutation({
    mutationFn: (vars: { draft: Draft; currentStep: number }) =>
      put<FirstSteps>(`/api/organisations/${seg(org.id)}/first-steps`, {
        revision: revision.current,
        mission: vars.draft.mission,
        stakeholders: vars.draft.stakeholders,
        plan: vars.draft.plan,
        currentStep: vars.currentStep,
      }),
    onSuccess: (next, vars) => {
      revision.current = next.revision;
      setSaved(vars.draft);
      queryClient.setQueryData(firstStepsKey(org.id), next);
    },
  });
  const stale = save.error instanceof ApiError && save.error.status === 409;

  // Leaving or reloading the page with unsaved changes asks first.
  useEffect(() => {
    if (!dirty || readOnly) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, readOnly]);

  // Print once the sheet is drawn, then hide it again.
  useEffect(() => {
    if (!printing) return;
    const done = () => setPrinting(null);
    window.addEventListener('afterprint', done, { once: true });
    const timer = window.setTimeout(() => window.print(), 50);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('afterprint', done);
    };
  }, [printing]);

  const goTo = (next: number) => {
    // One save at a time: a second one would carry the same revision and be refused.
    if (next < 1 || next > 4 || next === step || save.isPending) return;
    setStep(next);
    if (!readOnly) save.mutate({ draft, currentStep: next });
  };

  const reload = async () => {
    save.reset();
    const result = (await onReload()) as { data?: FirstSteps };
    if (result.data) {
      revision.current = result.data.revision;
      setDraft(draftOf(result.data));
      setSaved(draftOf(result.data));
    }
  };

  const live: StepCompleteness[] = [
    missionCompleteness(draft.mission),
    stakeholdersCompleteness(draft.stakeholders),
    { complete: false, missing: [], ...data.completeness.find((c) => c.step === 3), step: 3 },
    planCompleteness(draft.plan),
  ];
  const current = live[step - 1]!;
  const tool = stepTool[step]!;

  return (
    <Stack gap="lg">
      {readOnly && (
        <Alert variant="light" color="gray">
          {t('firstSteps.readOnly')}
        </Alert>
      )}
      <Paper withBorder radius="lg" p={{ base: 'md', sm: 'lg' }} className="fs-stepper">
        <Stepper
          active={step - 1}
          onStepClick={(i) => goTo(i + 1)}
          allowNextStepsSelect
          size={narrow ? 'xs' : 'sm'}
          color="teal"
          wrap={!narrow}
          labelPosition={narrow ? 'bottom' : 'right'}
          className={narrow ? 'fs-stepper-narrow' : undefined}
        >
          {live.map((c) => (
            <Stepper.Step
              key={c.step}
              label={t(`firstSteps.short${c.step}` as 'firstSteps.short1')}
              description={
                <Text span size="xs" c={c.complete ? 'teal.8' : 'dimmed'} data-testid={`step-state-${c.step}`}>
                  {c.complete ? `✓ ${t('firstSteps.complete')}` : t('firstSteps.toComplete')}
                </Text>
              }
              completedIcon={c.complete ? <IconCheck size={18} /> : <span>{c.step}</span>}
              color={c.complete ? 'teal' : 'gray'}
              aria-label={`${t('firstSteps.stepOf', { n: c.step })} : ${t(`firstSteps.step${c.step}` as 'firstSteps.step1')}`}
            />
          ))}
        </Stepper>
      </Paper>

      <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }}>
        <Group justify="space-between" align="flex-start" mb="md" wrap="wrap" gap="sm">
          <Box>
            <Text size="sm" c="dimmed" fw={600} tt="uppercase" lts={0.5}>
              {t('firstSteps.stepOf', { n: step })} · {t(`firstSteps.step${step}Hint` as 'firstSteps.step1Hint')}
            </Text>
            <Title order={2} fz={22} mt={2} data-testid="step-title">
              {t(`firstSteps.step${step}` as 'firstSteps.step1')}
            </Title>
          </Box>
          <Button
            variant="default"
            leftSection={<IconPrinter />}
            onClick={() => setPrinting(tool)}
            aria-label={t('firstSteps.printTitle', { tool: t(toolName[tool] as 'firstSteps.mission.tool') })}
          >
            {t('firstSteps.print')}
          </Button>
        </Group>

        {stale ? (
          <Alert color="orange" variant="light" title={t('firstSteps.staleTitle')} mb="md" role="alert">
            <Stack gap="xs" align="flex-start">
              <ErrorText error={save.error} />
              <Button size="xs" color="orange" onClick={() => void reload()}>
                {t('firstSteps.reload')}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <Box mb="md">
            <ErrorAlert error={save.error} />
          </Box>
        )}

        {step === 1 && (
          <MissionStep mission={draft.mission} readOnly={readOnly} onChange={(mission) => setDraft({ ...draft, mission })} />
        )}
        {step === 2 && (
          <MapStep stakeholders={draft.stakeholders} readOnly={readOnly} onChange={(stakeholders) => setDraft({ ...draft, stakeholders })} />
        )}
        {step === 3 && (
          <IndicatorsStep data={data} orgId={org.id} readOnly={readOnly} onPrintTemplate={() => setPrinting('template')} />
        )}
        {step === 4 && (
          <PlanStep
            plan={draft.plan}
            stakeholders={draft.stakeholders}
            orgId={org.id}
            orgPopulation={org.populationServed}
            readOnly={readOnly}
            onChange={(plan) => setDraft({ ...draft, plan })}
          />
        )}

        <Box mt="xl">
          <Missing result={current} />
        </Box>

        <Group justify="space-between" mt="md" pt="md" wrap="wrap" gap="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Button variant="default" disabled={step === 1} onClick={() => goTo(step - 1)}>
            {t('firstSteps.previous')}
          </Button>
          <Group gap="sm">
            {!readOnly && (
              <>
                <Text size="sm" c={dirty ? 'orange.8' : 'dimmed'} role="status" data-testid="save-state">
                  {dirty
                    ? t('firstSteps.unsaved')
                    : data.updatedAt
                      ? t('firstSteps.savedAt', { time: formatDateTime(data.updatedAt, locale) })
                      : ''}
                </Text>
                <Button
                  variant="light"
                  loading={save.isPending}
                  onClick={() => save.mutate({ draft, currentStep: step })}
                >
                  {t('common.save')}
                </Button>
              </>
            )}
            {step < 4 ? (
              <Button onClick={() => goTo(step + 1)}>{t('firstSteps.next')}</Button>
            ) : (
              <Button onClick={() => navigate(paths.questionnaires)} variant="filled">
                {t('firstSteps.plan.createQuestionnaire')}
              </Button>
            )}
          </Group>
        </Group>
      </Paper>
      <PrintSheet tool={printing} draft={draft} data={data} org={org.name} />
    </Stack>
  );
}

function ErrorText({ error }: { error: unknown }) {
  const { i18n } = useTranslation();
  if (!(error instanceof ApiError)) return null;
  return <Text size="sm">{i18n.language === 'en' && error.problem.detailEn ? error.problem.detailEn : error.problem.detail}</Text>;
}
