import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Questionnaire } from '../../api/types.ts';

/** "v2", and a mark on a version a newer one replaced. */
export function VersionBadges({ questionnaire }: { questionnaire: Questionnaire }) {
  const { t } = useTranslation();
  return (
    <Group component="span" gap={6} wrap="nowrap" style={{ flex: 'none' }}>
      <Badge
        component="span"
        variant="light"
        color={questionnaire.superseded ? 'gray' : 'socle'}
        data-testid="questionnaire-version"
        title={t('questionnaireVersions.versionLong', { version: questionnaire.version })}
      >
        {t('questionnaireVersions.version', { version: questionnaire.version })}
      </Badge>
      {questionnaire.superseded && (
        <Badge
          component="span"
          variant="outline"
          color="gray"
          tt="none"
          data-testid="questionnaire-superseded"
        >
          {t('questionnaireVersions.superseded')}
        </Badge>
      )}
    </Group>
  );
}
