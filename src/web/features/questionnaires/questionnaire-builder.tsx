import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Collapse,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Condition, ConditionOp } from '../../../domain/conditions.ts';
import { ApiError, post, seg, api, ifMatch } from '../../api/client.ts';
import { questionTypes } from '../../api/enums.ts';
import { keys, useAvailableIndicators } from '../../api/queries.ts';
import type { AvailableIndicator, Questionnaire, QuestionType } from '../../api/types.ts';
import { useLabel, useLocale } from '../../i18n/use-locale.ts';
import { Link, navigate, paths } from '../../router.tsx';
import { ErrorAlert, useFieldErrors } from '../../ui/errors.tsx';
import { IconArrowDown, IconArrowUp, IconInfo, IconPlus, IconTrash } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/page.tsx';
import { useWorkspace } from '../shell/workspace.tsx';
import {
  addLanguage,
  addQuestion,
  addSection,
  agreementChoices,
  bodyOf,
  COMMON_LANGUAGES,
  conditionChoices,
  conditionOfRows,
  conditionProblems,
  defaultLeaf,
  emptyState,
  hasChoices,
  hasItems,
  keyProblem,
  languageProblem,
  moveQuestion,
  moveSection,
  newChoice,
  opsFor,
  removeLanguage,
  removeSection,
  rowsOf,
  RTL_LANGUAGES,
  setChoiceTranslation,
  setQuestionSection,
  setTranslated,
  stateOf,
  valueKind,
  withChoices,
  withoutSections,
  type BuilderState,
  type ChoiceDraft,
  type Leaf,
  type QuestionDraft,
  type SectionDraft,
} from './builder-model.ts';
import { FacesPreview } from './faces.tsx';
import { labelFromValue, optionValueOf } from './option-value.ts';
import { QuestionnairePreview, useConditionText } from './questionnaire-preview.tsx';
import { rememberRevision, type QuestionnaireRevision } from './revision-notice.ts';

const indicatorKey = (i: Pick<AvailableIndicator, 'frameworkId' | 'code'>) =>
  `${i.frameworkId}|${i.code}`;

/** A language's name in the reader's language: from the short list, else from the browser. */
export function useLanguageName() {
  const { t, i18n } = useTranslation();
  return (code: string): string => {
    if ((COMMON_LANGUAGES as readonly string[]).includes(code))
      return t(`languageNames.${code as (typeof COMMON_LANGUAGES)[number]}`);
    try {
      return new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
}

/** Attributes for a field written in `lang`: its language and, for Arabic and others, right to left. */
const writtenIn = (lang: string) => ({ lang, dir: RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr' });

/** The server's messages for the fields under `prefix` (`questions.3.showIf`…). */
function useErrorsUnder(error: unknown) {
  return (prefix: string): string[] => {
    if (!(error instanceof ApiError)) return [];
    return (error.problem.errors ?? [])
      .filter((e) => {
        const parts = e.field.replace(/^\//, '').split(/[./]/);
        const path = (parts[0] === 'body' ? parts.slice(1) : parts).join('.');
        return path === prefix || path.startsWith(`${prefix}.`);
      })
      .map((e) => e.message);
  };
}

/** A button showing or hiding a part of the form; open by itself when something inside needs fixing. */
function Disclosure({
  label,
  children,
  forceOpen = false,
  testId,
}: {
  label: string;
  children: ReactNode;
  forceOpen?: boolean;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const shown = open || forceOpen;
  return (
    <div>
      <Button
        variant="subtle"
        size="compact-sm"
        aria-expanded={shown}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        data-testid={testId}
      >
        {shown ? '▾' : '▸'} {label}
      </Button>
      <Collapse expanded={shown} id={id}>
        <Stack gap="sm" pt="xs" pl="md">
          {children}
        </Stack>
      </Collapse>
    </div>
  );
}

/**
 * Writes a new questionnaire, or changes `existing`. A questionnaire that already has answers
 * is not changed in place: saving makes a new version (the server decides), and the builder
 * says so before saving.
 */
export function QuestionnaireBuilder({ existing }: { existing?: Questionnaire } = {}) {
  const { t } = useTranslation();
  const { org } = useWorkspace();
  const queryClient = useQueryClient();
  const indicators = useAvailableIndicators(org.id);
  const [state, setState] = useState<BuilderState>(() =>
    existing && existing.questions.length > 0 ? stateOf(existing) : emptyState(),
  );
  const [confirming, setConfirming] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const [checked, setChecked] = useState(false);
  const answered = existing !== undefined && existing.responseCount > 0;

  const create = useMutation({
    mutationFn: async (): Promise<Questionnaire | QuestionnaireRevision> => {
      const body = bodyOf(state);
      return existing
        ? api<QuestionnaireRevision>(
            'PUT',
            `/api/organisations/${seg(org.id)}/questionnaires/${seg(existing.id)}`,
            body,
            // Someone else's edit in between answers 409 instead of being overwritten.
            ifMatch(existing.revision),
          )
        : post<Questionnaire>(`/api/organisations/${seg(org.id)}/questionnaires`, body);
    },
    onSuccess: async (questionnaire) => {
      setConfirming(false);
      if (existing && 'newVersion' in questionnaire) rememberRevision(questionnaire);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.questionnaires(org.id) }),
        queryClient.invalidateQueries({ queryKey: keys.campaigns(org.id) }),
      ]);
      navigate(paths.questionnaire(questionnaire.id));
    },
    onError: () => setConfirming(false),
  });
  const fieldError = useFieldErrors(create.error);
  const errorsUnder = useErrorsUnder(create.error);

  const conditions = conditionProblems(state.questions);
  const keyProblems = new Map(
    state.questions.map((q) => [q.uid, keyProblem(q.key, q.uid, state.questions)] as const),
  );
  const blocked = conditions.size > 0 || [...keyProblems.values()].some(Boolean);

  const update = (uid: string, change: (q: QuestionDraft) => QuestionDraft) =>
    setState((s) => ({ ...s, questions: s.questions.map((q) => (q.uid === uid ? change(q) : q)) }));
  const updateSection = (uid: string, change: Partial<SectionDraft>) =>
    setState((s) => ({
      ...s,
      sections: s.sections.map((x) => (x.uid === uid ? { ...x, ...change, implicit: false } : x)),
    }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (blocked) return;
    if (answered) setConfirming(true);
    else create.mutate();
  };
  const back = existing ? paths.questionnaire(existing.id) : paths.questionnaires;
  const tieable = (indicators.data ?? []).filter((i) => i.computation.type !== 'sum');
  const flat = withoutSections(state);

  return (
    <>
      <PageHeader
        title={
          existing
            ? t('questionnaireVersions.editTitle', { title: existing.title })
            : t('builder.title')
        }
        description={
          existing
            ? t('questionnaireVersions.editIntro', { version: existing.version })
            : t('builder.intro')
        }
        actions={
          <>
            <Button variant="default" onClick={() => setPreviewing(true)}>
              {t('builder.preview.button')}
            </Button>
            <Button variant="default" component={Link} to={back}>
              {t('common.back')}
            </Button>
          </>
        }
      />
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="lg">
          {answered && (
            <Alert
              variant="light"
              color="yellow"
              icon={<IconInfo />}
              title={t('questionnaireVersions.answeredTitle', {
                count: existing.responseCount,
              })}
              data-testid="questionnaire-answered"
            >
              {t('questionnaireVersions.answeredText', {
                count: existing.responseCount,
                version: existing.version + 1,
              })}
            </Alert>
          )}
          <Card withBorder radius="md" padding="lg">
            <Stack gap="md">
              <TextInput
                label={t('builder.titleField')}
                description={t('builder.titleHint')}
                required
                value={state.title}
                onChange={(e) => {
                  const title = e.currentTarget.value;
                  setState((s) => ({ ...s, title }));
                }}
                error={fieldError('title')}
                maxLength={200}
              />
              <Textarea
                label={t('builder.introField')}
                description={t('builder.introHint')}
                autosize
                minRows={3}
                value={state.introFr}
                onChange={(e) => {
                  const introFr = e.currentTarget.value;
                  setState((s) => ({ ...s, introFr }));
                }}
                error={fieldError('introFr')}
                maxLength={2000}
              />
            </Stack>
          </Card>

          <LanguagesCard state={state} setState={setState} errorsUnder={errorsUnder} />

          <Title order={2} fz={20}>
            {t('builder.questions')}
          </Title>
          <Text size="sm" c="dimmed">
            {flat ? t('builder.section.onePage') : t('builder.section.hint')}
          </Text>
          {fieldError('questions') && (
            <Text c="red" size="sm" role="alert">
              {fieldError('questions')}
            </Text>
          )}
          {errorsUnder('sections').map((m) => (
            <Text key={m} c="red" size="sm" role="alert">
              {m}
            </Text>
          ))}
          {state.sections.map((section, s) => {
            const inSection = state.questions
              .map((q, index) => ({ q, index }))
              .filter(({ q }) => q.section === section.uid);
            return (
              <Stack
                key={section.uid}
                gap="md"
                component="section"
                aria-label={
                  flat
                    ? t('builder.questions')
                    : section.titleFr || t('builder.section.n', { n: s + 1 })
                }
                data-testid={`section-${s + 1}`}
              >
                {!flat && (
                  <SectionHeader
                    section={section}
                    index={s}
                    count={state.sections.length}
                    languages={state.languages}
                    fieldError={(f) => fieldError(`sections.${s}.${f}`)}
                    onChange={(change) => updateSection(section.uid, change)}
                    onMove={(by) => setState((x) => moveSection(x, section.uid, by))}
                    onRemove={() => setState((x) => removeSection(x, section.uid))}
                  />
                )}
                {inSection.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('builder.section.empty')}
                  </Text>
                )}
                {inSection.map(({ q, index }) => (
                  <QuestionEditor
                    key={q.uid}
                    question={q}
                    index={index}
                    all={state.questions}
                    sections={state.sections}
                    languages={state.languages}
                    indicators={tieable}
                    conditionProblems={
                      // A missing value shows once saving was tried; a question read that moved
                      // or went away shows at once.
                      (conditions.get(q.uid) ?? []).filter((p) => checked || p !== 'missing_value')
                    }
                    keyProblem={keyProblems.get(q.uid) ?? null}
                    fieldError={(field) => fieldError(`questions.${index}.${field}`)}
                    errorsUnder={(field) => errorsUnder(`questions.${index}.${field}`)}
                    onChange={(change) => update(q.uid, change)}
                    onMove={(by) => setState((x) => moveQuestion(x, q.uid, by))}
                    onSection={(sectionUid) =>
                      setState((x) => setQuestionSection(x, q.uid, sectionUid))
                    }
                    onRemove={() =>
                      setState((x) => ({
                        ...x,
                        questions: x.questions.filter((y) => y.uid !== q.uid),
                      }))
                    }
                  />
                ))}
                <Group>
                  <Button
                    variant="light"
                    leftSection={<IconPlus size={18} />}
                    onClick={() => setState((x) => addQuestion(x, section.uid))}
                  >
                    {flat
                      ? t('builder.addQuestion')
                      : t('builder.section.addQuestion', { n: s + 1 })}
                  </Button>
                </Group>
              </Stack>
            );
          })}
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={18} />}
              onClick={() =>
                setState((x) =>
                  addSection(
                    flat
                      ? { ...x, sections: x.sections.map((y) => ({ ...y, implicit: false })) }
                      : x,
                  ),
                )
              }
            >
              {t('builder.section.add')}
            </Button>
          </Group>
          {checked && blocked && (
            <Alert
              color="red"
              variant="light"
              icon={<IconInfo />}
              role="alert"
              data-testid="builder-blocked"
            >
              {t('builder.condition.fix')}
            </Alert>
          )}
          <ErrorAlert error={create.error} />
          <Group justify="flex-end" gap="sm" className="socle-sticky-actions">
            <Button variant="default" onClick={() => setPreviewing(true)}>
              {t('builder.preview.button')}
            </Button>
            <Button variant="default" component={Link} to={back}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={create.isPending}
              disabled={state.questions.length === 0}
            >
              {existing ? t('questionnaireVersions.save') : t('builder.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Modal
        opened={previewing}
        onClose={() => setPreviewing(false)}
        title={t('builder.preview.title')}
        size="xl"
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('builder.preview.note')}
          </Text>
          {previewing && <QuestionnairePreview data={bodyOf(state)} />}
        </Stack>
      </Modal>
      {existing && (
        <Modal
          opened={confirming}
          onClose={() => setConfirming(false)}
          title={t('questionnaireVersions.confirmTitle', { version: existing.version + 1 })}
          size="lg"
        >
          <Stack gap="md">
            <Text>
              {t('questionnaireVersions.confirmAnswers', {
                count: existing.responseCount,
                version: existing.version,
              })}
            </Text>
            <Text>{t('questionnaireVersions.confirmCampaigns')}</Text>
            <ErrorAlert error={create.error} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
              <Button loading={create.isPending} onClick={() => create.mutate()} data-autofocus>
                {t('questionnaireVersions.confirm', { version: existing.version + 1 })}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </>
  );
}

/** The languages offered beside French, and the questionnaire's title and intro in each. */
function LanguagesCard({
  state,
  setState,
  errorsUnder,
}: {
  state: BuilderState;
  setState: (change: (s: BuilderState) => BuilderState) => void;
  errorsUnder: (prefix: string) => string[];
}) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const available = COMMON_LANGUAGES.filter((l) => !state.languages.includes(l));
  const add = (lang: string) => {
    const problem = languageProblem(lang, state.languages);
    if (problem) {
      setCodeError(t(`builder.languages.problem.${problem}`));
      return false;
    }
    setCodeError(null);
    setState((s) => addLanguage(s, lang));
    return true;
  };
  const serverErrors = [...errorsUnder('languages'), ...errorsUnder('translations')];
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby="builder-languages"
    >
      <Stack gap="sm">
        <Title order={2} fz={18} id="builder-languages">
          {t('builder.languages.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('builder.languages.intro')}
        </Text>
        <Group gap="xs" aria-label={t('builder.languages.offered')} role="list">
          {state.languages.length === 0 && <Text size="sm">{t('builder.languages.none')}</Text>}
          {state.languages.map((lang) => (
            <Badge
              key={lang}
              role="listitem"
              variant="light"
              size="lg"
              data-testid={`language-${lang}`}
              rightSection={
                <ActionIcon
                  size="xs"
                  variant="transparent"
                  color="gray"
                  onClick={() => setState((s) => removeLanguage(s, lang))}
                  aria-label={t('builder.languages.remove', { language: languageName(lang) })}
                  title={t('builder.languages.removeHint')}
                >
                  ×
                </ActionIcon>
              }
            >
              {languageName(lang)} ({lang})
            </Badge>
          ))}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('builder.languages.add')}
            data={available.map((l) => ({ value: l, label: `${languageName(l)} (${l})` }))}
            value={null}
            onChange={(v) => v && add(v)}
            searchable
            disabled={available.length === 0}
          />
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t('builder.languages.other')}
              description={t('builder.languages.otherHint')}
              value={code}
              onChange={(e) => setCode(e.currentTarget.value.trim().toLowerCase())}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  if (add(code)) setCode('');
                }
              }}
              error={codeError}
              maxLength={3}
            />
            <Button
              variant="default"
              mb={codeError ? 22 : 0}
              onClick={() => {
                if (add(code)) setCode('');
              }}
            >
              {t('builder.languages.addCode')}
            </Button>
          </Group>
        </SimpleGrid>
        {serverErrors.map((m) => (
          <Text key={m} c="red" size="sm" role="alert">
            {m}
          </Text>
        ))}
        {state.languages.map((lang) => {
          const name = languageName(lang);
          const tr = state.translations[lang] ?? {};
          return (
            <SimpleGrid key={lang} cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('builder.tr.title', { language: name })}
                value={tr.title ?? ''}
                {...writtenIn(lang)}
                onChange={(e) => {
                  const text = e.currentTarget.value;
                  setState((s) => ({
                    ...s,
                    translations: setTranslated(s.translations, lang, 'title', text),
                  }));
                }}
                maxLength={200}
              />
              <Textarea
                label={t('builder.tr.intro', { language: name })}
                autosize
                minRows={1}
                value={tr.intro ?? ''}
                {...writtenIn(lang)}
                onChange={(e) => {
                  const text = e.currentTarget.value;
                  setState((s) => ({
                    ...s,
                    translations: setTranslated(s.translations, lang, 'intro', text),
                  }));
                }}
                maxLength={2000}
              />
            </SimpleGrid>
          );
        })}
      </Stack>
    </Card>
  );
}

function SectionHeader({
  section,
  index,
  count,
  languages,
  fieldError,
  onChange,
  onMove,
  onRemove,
}: {
  section: SectionDraft;
  index: number;
  count: number;
  languages: string[];
  fieldError: (field: string) => string | undefined;
  onChange: (change: Partial<SectionDraft>) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const n = index + 1;
  return (
    <Card withBorder radius="md" padding="lg" bg="socle.0">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={3} fz={18}>
          {t('builder.section.n', { n })}
          {section.titleFr ? ` — ${section.titleFr}` : ''}
        </Title>
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            disabled={index === 0}
            onClick={() => onMove(-1)}
            aria-label={t('builder.section.moveUp', { n })}
          >
            <IconArrowUp size={18} />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
            aria-label={t('builder.section.moveDown', { n })}
          >
            <IconArrowDown size={18} />
          </ActionIcon>
          <Tooltip label={t('builder.section.removeHint')}>
            <ActionIcon
              variant="subtle"
              color="red"
              disabled={count <= 1}
              onClick={onRemove}
              aria-label={t('builder.section.remove', { n })}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Stack gap="sm">
        <TextInput
          label={t('builder.section.title', { n })}
          value={section.titleFr}
          onChange={(e) => onChange({ titleFr: e.currentTarget.value })}
          error={fieldError('titleFr')}
          maxLength={200}
        />
        <Textarea
          label={t('builder.section.intro', { n })}
          autosize
          minRows={1}
          value={section.introFr}
          onChange={(e) => onChange({ introFr: e.currentTarget.value })}
          error={fieldError('introFr')}
          maxLength={2000}
        />
        {languages.length > 0 && (
          <Disclosure label={t('builder.section.translations', { n })}>
            {languages.map((lang) => {
              const name = languageName(lang);
              const tr = section.translations[lang] ?? {};
              return (
                <SimpleGrid key={lang} cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput
                    label={t('builder.tr.sectionTitle', { language: name })}
                    {...writtenIn(lang)}
                    value={lang === 'en' ? section.titleEn : (tr.title ?? '')}
                    onChange={(e) => {
                      const text = e.currentTarget.value;
                      onChange(
                        lang === 'en'
                          ? { titleEn: text }
                          : {
                              translations: setTranslated(
                                section.translations,
                                lang,
                                'title',
                                text,
                              ),
                            },
                      );
                    }}
                    maxLength={200}
                  />
                  <TextInput
                    label={t('builder.tr.sectionIntro', { language: name })}
                    {...writtenIn(lang)}
                    value={tr.intro ?? ''}
                    onChange={(e) =>
                      onChange({
                        translations: setTranslated(
                          section.translations,
                          lang,
                          'intro',
                          e.currentTarget.value,
                        ),
                      })
                    }
                    maxLength={2000}
                  />
                </SimpleGrid>
              );
            })}
          </Disclosure>
        )}
      </Stack>
    </Card>
  );
}

/** A list of choices (or of a grid's rows): label, value made from it, remove, add. */
function ChoiceList({
  choices,
  words,
  fieldError,
  onChange,
}: {
  choices: ChoiceDraft[];
  words: {
    label: (n: number) => string;
    value: (n: number) => string;
    remove: (n: number) => string;
    add: string;
  };
  fieldError: (field: string) => string | undefined;
  onChange: (next: ChoiceDraft[]) => void;
}) {
  const set = (uid: string, change: Partial<ChoiceDraft>) =>
    onChange(
      choices.map((o) => {
        if (o.uid !== uid) return o;
        const next = { ...o, ...change };
        if (change.labelFr !== undefined && !o.valueEdited)
          next.value = optionValueOf(change.labelFr);
        return next;
      }),
    );
  return (
    <Stack gap="xs">
      {choices.map((o, i) => (
        <Group key={o.uid} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            style={{ flex: 2 }}
            label={words.label(i + 1)}
            value={o.labelFr}
            onChange={(e) => set(o.uid, { labelFr: e.currentTarget.value })}
            error={fieldError(`${i}.labelFr`)}
            maxLength={200}
          />
          <TextInput
            style={{ flex: 1 }}
            label={words.value(i + 1)}
            value={o.value}
            onChange={(e) => set(o.uid, { value: e.currentTarget.value, valueEdited: true })}
            onBlur={() => set(o.uid, { value: optionValueOf(o.value) })}
            error={fieldError(`${i}.value`)}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            maxLength={60}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={26}
            disabled={choices.length <= 1}
            onClick={() => onChange(choices.filter((y) => y.uid !== o.uid))}
            aria-label={words.remove(i + 1)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group gap="sm">
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...choices, newChoice()])}
        >
          {words.add}
        </Button>
      </Group>
    </Stack>
  );
}

function QuestionEditor({
  question: q,
  index,
  all,
  sections,
  languages,
  indicators,
  conditionProblems,
  keyProblem,
  fieldError,
  errorsUnder,
  onChange,
  onMove,
  onSection,
  onRemove,
}: {
  question: QuestionDraft;
  index: number;
  all: QuestionDraft[];
  sections: SectionDraft[];
  languages: string[];
  indicators: AvailableIndicator[];
  conditionProblems: string[];
  keyProblem: 'format' | 'duplicate' | null;
  fieldError: (field: string) => string | undefined;
  errorsUnder: (field: string) => string[];
  onChange: (change: (q: QuestionDraft) => QuestionDraft) => void;
  onMove: (by: -1 | 1) => void;
  onSection: (sectionUid: string) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const legendId = useId();
  const number = index + 1;
  const count = all.length;
  const set = <K extends keyof QuestionDraft>(key: K, value: QuestionDraft[K]) =>
    onChange((x) => ({ ...x, [key]: value }));

  const setType = (type: QuestionType) =>
    onChange((x) => ({
      ...x,
      type,
      options: hasChoices(type) && x.options.length === 0 ? [newChoice(), newChoice()] : x.options,
      items: hasItems(type) && x.items.length === 0 ? [newChoice()] : x.items,
      min:
        type === 'faces' ? 1 : type === 'scale' && (x.min === '' || x.type === 'faces') ? 1 : x.min,
      max:
        type === 'faces'
          ? x.max === 3
            ? 3
            : 5
          : type === 'scale' && (x.max === '' || x.type === 'faces')
            ? 5
            : x.max,
    }));

  const tied = indicators.find((i) => q.indicator === indicatorKey(i)) ?? null;
  const expected = tied?.computation.type === 'share' ? tied.computation.options : [];
  const values = q.options.map((o) => o.value);
  const missing = expected.filter((v) => !values.includes(v));
  const sectionIndex = sections.findIndex((s) => s.uid === q.section);
  const isFirst = index === 0 || all[index - 1]?.section !== q.section;
  const isLast = index === count - 1 || all[index + 1]?.section !== q.section;

  // Group the indicators by framework for the select.
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const i of indicators) {
    const group = `${i.frameworkName}${i.adopted ? '' : ` (${t('builder.notAdopted')})`}`;
    groups.set(group, [
      ...(groups.get(group) ?? []),
      { value: indicatorKey(i), label: `${i.code} — ${label(i)}` },
    ]);
  }
  const indicatorData = [...groups].map(([group, items]) => ({ group, items }));
  const translationErrors = errorsUnder('translations');
  const keyError =
    keyProblem === 'format'
      ? t('builder.advanced.keyFormat')
      : keyProblem === 'duplicate'
        ? t('builder.advanced.keyDuplicate')
        : fieldError('key');

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="fieldset"
      aria-labelledby={legendId}
      className="socle-fieldset"
      data-testid={`question-${number}`}
    >
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Title order={3} fz={16} id={legendId}>
          {t('builder.questionN', { n: number })}
        </Title>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('builder.moveUp')}>
            <ActionIcon
              variant="subtle"
              disabled={index === 0 && isFirst && sectionIndex <= 0}
              onClick={() => onMove(-1)}
              aria-label={t('builder.moveUpN', { n: number })}
            >
              <IconArrowUp size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('builder.moveDown')}>
            <ActionIcon
              variant="subtle"
              disabled={isLast && sectionIndex >= sections.length - 1}
              onClick={() => onMove(1)}
              aria-label={t('builder.moveDownN', { n: number })}
            >
              <IconArrowDown size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('builder.remove')}>
            <ActionIcon
              variant="subtle"
              color="red"
              disabled={count === 1}
              onClick={onRemove}
              aria-label={t('builder.removeN', { n: number })}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: sections.length > 1 ? 3 : 2 }} spacing="md">
          <Select
            label={t('builder.type')}
            data={questionTypes.map((type) => ({ value: type, label: t(`questionType.${type}`) }))}
            value={q.type}
            onChange={(v) => v && setType(v)}
            allowDeselect={false}
            error={fieldError('type')}
          />
          <Select
            label={t('builder.indicator')}
            description={t('builder.indicatorHint')}
            placeholder={
              indicators.length ? t('builder.noIndicator') : t('builder.noIndicatorAvailable')
            }
            data={indicatorData}
            value={q.indicator}
            onChange={(v) => set('indicator', v)}
            clearable
            searchable
            nothingFoundMessage={t('builder.nothingFound')}
            error={fieldError('indicator') ?? fieldError('indicator.code')}
          />
          {sections.length > 1 && (
            <Select
              label={t('builder.section.field')}
              description={t('builder.section.fieldHint')}
              data={sections.map((s, i) => ({
                value: s.uid,
                label: `${i + 1}. ${s.titleFr || t('builder.section.n', { n: i + 1 })}`,
              }))}
              value={q.section}
              onChange={(v) => v && onSection(v)}
              allowDeselect={false}
              error={fieldError('section')}
            />
          )}
        </SimpleGrid>
        <TextInput
          label={t('builder.label')}
          description={t('builder.labelHint')}
          required
          value={q.labelFr}
          onChange={(e) => set('labelFr', e.currentTarget.value)}
          error={fieldError('labelFr')}
          maxLength={500}
        />
        <TextInput
          label={t('builder.help')}
          description={t('common.optional')}
          value={q.helpFr}
          onChange={(e) => set('helpFr', e.currentTarget.value)}
          error={fieldError('helpFr')}
          maxLength={500}
        />
        <Checkbox
          label={t('builder.required')}
          checked={q.required}
          onChange={(e) => set('required', e.currentTarget.checked)}
        />

        {(q.type === 'number' || q.type === 'scale') && (
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
            <NumberInput
              label={t('builder.min')}
              value={q.min}
              onChange={(v) => set('min', typeof v === 'number' ? v : '')}
              error={fieldError('min')}
              allowDecimal={q.type === 'number'}
            />
            <NumberInput
              label={t('builder.max')}
              value={q.max}
              onChange={(v) => set('max', typeof v === 'number' ? v : '')}
              error={fieldError('max')}
              allowDecimal={q.type === 'number'}
            />
          </SimpleGrid>
        )}

        {q.type === 'faces' && (
          <Stack gap="xs">
            <Text fw={600} size="sm" id={`${legendId}-faces`}>
              {t('builder.faces.count')}
            </Text>
            <SegmentedControl
              aria-labelledby={`${legendId}-faces`}
              style={{ alignSelf: 'flex-start' }}
              data={[
                { value: '3', label: t('builder.faces.three') },
                { value: '5', label: t('builder.faces.five') },
              ]}
              value={q.max === 3 ? '3' : '5'}
              onChange={(v) => onChange((x) => ({ ...x, min: 1, max: v === '3' ? 3 : 5 }))}
            />
            <FacesPreview count={q.max === 3 ? 3 : 5} />
            {(fieldError('max') ?? fieldError('min')) && (
              <Text c="red" size="xs">
                {fieldError('max') ?? fieldError('min')}
              </Text>
            )}
          </Stack>
        )}

        {q.type === 'date' && (
          <Text size="sm" c="dimmed">
            {t('builder.dateHint')}
          </Text>
        )}

        {hasItems(q.type) && (
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('builder.grid.rows')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('builder.grid.rowsHint')}
            </Text>
            {fieldError('items') && (
              <Text c="red" size="xs">
                {fieldError('items')}
              </Text>
            )}
            <ChoiceList
              choices={q.items}
              words={{
                label: (n) => t('builder.grid.row', { n }),
                value: (n) => t('builder.grid.rowValue', { n }),
                remove: (n) => t('builder.grid.removeRow', { n }),
                add: t('builder.grid.addRow'),
              }}
              fieldError={(f) => fieldError(`items.${f}`)}
              onChange={(next) => onChange((x) => withChoices(x, 'items', next))}
            />
          </Stack>
        )}

        {hasChoices(q.type) && (
          <Stack gap="xs">
            <Group justify="space-between" align="center">
              <Text fw={600} size="sm">
                {q.type === 'grid' ? t('builder.grid.columns') : t('builder.options')}
              </Text>
              {q.type === 'grid' && (
                <Tooltip label={t('builder.grid.agreementHint')} multiline w={260}>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => onChange((x) => withChoices(x, 'options', agreementChoices()))}
                  >
                    {t('builder.grid.agreement')}
                  </Button>
                </Tooltip>
              )}
            </Group>
            {q.type === 'ranking' && (
              <Text size="xs" c="dimmed">
                {t('builder.rankingHint')}
              </Text>
            )}
            {fieldError('options') && (
              <Text c="red" size="xs">
                {fieldError('options')}
              </Text>
            )}
            <ChoiceList
              choices={q.options}
              words={{
                label: (n) => t('builder.optionLabel', { n }),
                value: (n) => t('builder.optionValue', { n }),
                remove: (n) => t('builder.removeOption', { n }),
                add: t('builder.addOption'),
              }}
              fieldError={(f) => fieldError(`options.${f}`)}
              onChange={(next) => onChange((x) => withChoices(x, 'options', next))}
            />
            <Text size="xs" c="dimmed">
              {t('builder.optionValueHint')}
            </Text>
          </Stack>
        )}

        {tied && expected.length > 0 && (
          <Alert
            variant="light"
            color={missing.length ? 'yellow' : 'socle'}
            icon={<IconInfo />}
            title={t('builder.shareTitle', { code: tied.code })}
          >
            <Text size="sm">{t('builder.shareText', { values: expected.join(', ') })}</Text>
            {(q.type === 'single' || q.type === 'multiple') && missing.length > 0 && (
              <Button
                size="xs"
                mt="xs"
                variant="light"
                onClick={() =>
                  onChange((x) =>
                    withChoices(x, 'options', [
                      ...x.options.filter((o) => o.labelFr.trim() || o.valueEdited),
                      ...missing.map((v) => newChoice(labelFromValue(v), v)),
                    ]),
                  )
                }
              >
                {t('builder.addExpected')}
              </Button>
            )}
          </Alert>
        )}

        <Textarea
          label={t('builder.easy.label')}
          description={t('builder.easy.hint')}
          autosize
          minRows={1}
          value={q.easyFr}
          onChange={(e) => set('easyFr', e.currentTarget.value)}
          error={fieldError('easyFr')}
          maxLength={500}
        />

        <ConditionEditor
          question={q}
          index={index}
          all={all}
          problems={conditionProblems}
          serverErrors={errorsUnder('showIf')}
          onChange={(showIf) => set('showIf', showIf)}
        />

        <Disclosure
          label={t('builder.tr.toggle')}
          forceOpen={translationErrors.length > 0}
          testId={`translations-${number}`}
        >
          <TranslationsPanel question={q} languages={languages} onChange={onChange} />
          {translationErrors.map((m) => (
            <Text key={m} c="red" size="sm" role="alert">
              {m}
            </Text>
          ))}
        </Disclosure>

        <Disclosure
          label={t('builder.advanced.toggle')}
          forceOpen={Boolean(keyError)}
          testId={`advanced-${number}`}
        >
          <TextInput
            label={t('builder.advanced.key')}
            description={t('builder.advanced.keyHint')}
            value={q.key}
            onChange={(e) => set('key', e.currentTarget.value)}
            error={keyError}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            maxLength={40}
            style={{ maxWidth: 320 }}
          />
        </Disclosure>
      </Stack>
    </Card>
  );
}

/** The question's wording in each language offered (English in its own fields). */
function TranslationsPanel({
  question: q,
  languages,
  onChange,
}: {
  question: QuestionDraft;
  languages: string[];
  onChange: (change: (q: QuestionDraft) => QuestionDraft) => void;
}) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  if (languages.length === 0) return <Text size="sm">{t('builder.tr.none')}</Text>;
  return (
    <>
      {languages.map((lang) => {
        const language = languageName(lang);
        const tr = q.translations[lang] ?? {};
        const en = lang === 'en';
        const setField = (field: 'label' | 'help' | 'easy', text: string) =>
          onChange((x) => {
            if (en && field === 'label') return { ...x, labelEn: text };
            if (en && field === 'help') return { ...x, helpEn: text };
            return { ...x, translations: setTranslated(x.translations, lang, field, text) };
          });
        const setChoice = (which: 'options' | 'items', choice: ChoiceDraft, text: string) =>
          onChange((x) =>
            en
              ? {
                  ...x,
                  [which]: x[which].map((c) =>
                    c.uid === choice.uid ? { ...c, labelEn: text } : c,
                  ),
                }
              : {
                  ...x,
                  translations: setChoiceTranslation(
                    x.translations,
                    lang,
                    which,
                    choice.value,
                    text,
                  ),
                },
          );
        return (
          <Stack
            key={lang}
            gap="xs"
            component="fieldset"
            className="socle-fieldset"
            data-testid={`tr-${lang}`}
          >
            <Text component="legend" fw={600} size="sm">
              {language} ({lang})
            </Text>
            <TextInput
              label={t('builder.tr.label', { language })}
              {...writtenIn(lang)}
              value={en ? q.labelEn : (tr.label ?? '')}
              onChange={(e) => setField('label', e.currentTarget.value)}
              maxLength={500}
            />
            <TextInput
              label={t('builder.tr.help', { language })}
              {...writtenIn(lang)}
              value={en ? q.helpEn : (tr.help ?? '')}
              onChange={(e) => setField('help', e.currentTarget.value)}
              maxLength={500}
            />
            <TextInput
              label={t('builder.tr.easy', { language })}
              {...writtenIn(lang)}
              value={tr.easy ?? ''}
              onChange={(e) => setField('easy', e.currentTarget.value)}
              maxLength={500}
            />
            {hasItems(q.type) &&
              q.items.map((c) => (
                <TextInput
                  key={c.uid}
                  label={t('builder.tr.item', { label: c.labelFr || c.value, language })}
                  {...writtenIn(lang)}
                  value={en ? c.labelEn : (tr.items?.[c.value] ?? '')}
                  onChange={(e) => setChoice('items', c, e.currentTarget.value)}
                  maxLength={200}
                />
              ))}
            {hasChoices(q.type) &&
              q.options.map((c) => (
                <TextInput
                  key={c.uid}
                  label={t('builder.tr.option', { label: c.labelFr || c.value, language })}
                  {...writtenIn(lang)}
                  value={en ? c.labelEn : (tr.options?.[c.value] ?? '')}
                  onChange={(e) => setChoice('options', c, e.currentTarget.value)}
                  maxLength={200}
                />
              ))}
          </Stack>
        );
      })}
    </>
  );
}

/**
 * "Show only if…": comparisons on earlier questions, all or any of them. A condition written
 * otherwise (through the API) is kept and shown in words.
 */
function ConditionEditor({
  question: q,
  index,
  all,
  problems,
  serverErrors,
  onChange,
}: {
  question: QuestionDraft;
  index: number;
  all: QuestionDraft[];
  problems: string[];
  serverErrors: string[];
  onChange: (c: Condition | null) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const conditionText = useConditionText();
  const headingId = useId();
  const earlier = all.slice(0, index);
  const refs = all.map((x) => ({ ...x, ref: x.uid }));
  const parsed = rowsOf(q.showIf);
  const numberOf = new Map(all.map((x, i) => [x.uid, i + 1]));
  const short = (text: string) => (text.length > 50 ? `${text.slice(0, 47).trimEnd()}…` : text);
  const questionData = (row: Leaf) => {
    const data = earlier.map((x) => ({
      value: x.uid,
      label: `${numberOf.get(x.uid)}. ${short(x.labelFr || t('builder.questionN', { n: numberOf.get(x.uid) }))}`,
    }));
    if (!earlier.some((x) => x.uid === row.question)) {
      const n = numberOf.get(row.question);
      data.push({
        value: row.question,
        label: n ? `${n}. ${short(all[n - 1]!.labelFr)}` : t('builder.condition.removedQuestion'),
      });
    }
    return data;
  };
  const messages = [
    ...problems.map((p) => t(`builder.condition.problem.${p as 'missing_value'}`)),
    ...serverErrors,
  ];

  const setRows = (mode: 'all' | 'any', rows: Leaf[]) => onChange(conditionOfRows(mode, rows));

  return (
    <Stack
      gap="xs"
      component="section"
      aria-labelledby={headingId}
      data-testid={`condition-${index + 1}`}
    >
      <Text fw={600} size="sm" id={headingId}>
        {t('builder.condition.title')}
      </Text>
      {earlier.length === 0 && !q.showIf && (
        <Text size="xs" c="dimmed">
          {t('builder.condition.firstNone')}
        </Text>
      )}
      {!parsed && q.showIf && (
        <Group gap="sm">
          <Text size="sm">{t('builder.condition.complex')}</Text>
          <Button size="xs" variant="subtle" color="red" onClick={() => onChange(null)}>
            {t('builder.condition.clear')}
          </Button>
        </Group>
      )}
      {parsed && parsed.rows.length >= 2 && (
        <Group gap="sm" align="center">
          <Text size="sm" id={`${headingId}-mode`}>
            {t('builder.condition.mode')}
          </Text>
          <SegmentedControl
            size="xs"
            aria-labelledby={`${headingId}-mode`}
            data={[
              { value: 'all', label: t('builder.condition.all') },
              { value: 'any', label: t('builder.condition.any') },
            ]}
            value={parsed.mode}
            onChange={(v) => setRows(v === 'any' ? 'any' : 'all', parsed.rows)}
          />
        </Group>
      )}
      {parsed?.rows.map((row, r) => {
        const read = all.find((x) => x.uid === row.question);
        const ops: ConditionOp[] = read ? opsFor(read.type) : [row.op];
        if (!ops.includes(row.op)) ops.push(row.op);
        const kind = read ? valueKind(read.type, row.op) : 'none';
        const choices = read ? conditionChoices(read) : null;
        const setRow = (next: Leaf) =>
          setRows(
            parsed.mode,
            parsed.rows.map((x, i) => (i === r ? next : x)),
          );
        const n = r + 1;
        return (
          <Group
            key={r}
            gap="xs"
            align="flex-end"
            wrap="wrap"
            data-testid={`condition-${index + 1}-row-${n}`}
          >
            <Select
              style={{ flex: 2, minWidth: 200 }}
              label={t('builder.condition.question', { n })}
              data={questionData(row)}
              value={row.question}
              allowDeselect={false}
              onChange={(v) => {
                const target = all.find((x) => x.uid === v);
                if (target) setRow(defaultLeaf(target));
              }}
            />
            <Select
              style={{ flex: 1, minWidth: 150 }}
              label={t('builder.condition.op', { n })}
              data={ops.map((op) => ({ value: op, label: t(`builder.op.${op}`) }))}
              value={row.op}
              allowDeselect={false}
              onChange={(v) => {
                if (!v) return;
                const op = v;
                const nextKind = read ? valueKind(read.type, op) : 'none';
                if (nextKind === 'none') setRow({ question: row.question, op });
                else if (nextKind === kind && row.value !== undefined) setRow({ ...row, op });
                else if (read) {
                  const fresh = defaultLeaf(read);
                  setRow(
                    fresh.value !== undefined
                      ? { question: row.question, op, value: fresh.value }
                      : { question: row.question, op },
                  );
                }
              }}
            />
            {kind === 'choice' && (
              <Select
                style={{ flex: 2, minWidth: 180 }}
                label={t('builder.condition.value', { n })}
                data={(choices ?? []).map((c) => ({
                  value: c.value,
                  label: (locale === 'en' && c.labelEn) || c.labelFr || c.value,
                }))}
                value={row.value === undefined ? null : String(row.value)}
                allowDeselect={false}
                searchable
                onChange={(v) => v && setRow({ ...row, value: v })}
              />
            )}
            {kind === 'number' && (
              <NumberInput
                style={{ flex: 1, minWidth: 120 }}
                label={t('builder.condition.value', { n })}
                value={
                  typeof row.value === 'number'
                    ? row.value
                    : row.value === undefined
                      ? ''
                      : Number(row.value)
                }
                onChange={(v) =>
                  setRow(
                    typeof v === 'number'
                      ? { ...row, value: v }
                      : { question: row.question, op: row.op },
                  )
                }
              />
            )}
            {kind === 'date' && (
              <TextInput
                type="date"
                style={{ flex: 1, minWidth: 160 }}
                label={t('builder.condition.value', { n })}
                value={typeof row.value === 'string' ? row.value : ''}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setRow(v ? { ...row, value: v } : { question: row.question, op: row.op });
                }}
              />
            )}
            {kind === 'text' && (
              <TextInput
                style={{ flex: 1, minWidth: 160 }}
                label={t('builder.condition.value', { n })}
                value={row.value === undefined ? '' : String(row.value)}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setRow(v ? { ...row, value: v } : { question: row.question, op: row.op });
                }}
                maxLength={100}
              />
            )}
            <ActionIcon
              variant="subtle"
              color="red"
              mb={4}
              onClick={() =>
                setRows(
                  parsed.mode,
                  parsed.rows.filter((_, i) => i !== r),
                )
              }
              aria-label={t('builder.condition.remove', { n })}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        );
      })}
      {parsed && earlier.length > 0 && (
        <Group>
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              setRows(parsed.mode, [...parsed.rows, defaultLeaf(earlier[earlier.length - 1]!)])
            }
          >
            {parsed.rows.length === 0
              ? t('builder.condition.add')
              : t('builder.condition.addAnother')}
          </Button>
        </Group>
      )}
      {q.showIf ? (
        <Text size="sm" c="socle.8" data-testid={`condition-words-${index + 1}`}>
          {t('builder.condition.shownIf', { words: conditionText(q.showIf, refs) })}
        </Text>
      ) : (
        earlier.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('builder.condition.always')}
          </Text>
        )
      )}
      {messages.map((m) => (
        <Text key={m} c="red" size="sm" role="alert">
          {m}
        </Text>
      ))}
    </Stack>
  );
}
