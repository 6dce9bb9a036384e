import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { facesOf } from './builder-model.ts';

// The same drawings as the respondent page: a round head, two eyes, a mouth from sad to glad.
const MOUTHS = [
  'M8 18q4-5 8 0',
  'M8 17.5q4-2.5 8 0',
  'M8 16h8',
  'M8 15.5q4 2.5 8 0',
  'M8 15q4 5 8 0',
];

function Face({ n, size }: { n: number; size: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10.5" fill="#fff7d6" stroke="currentColor" strokeWidth="1.5" />
      <circle cx="8.5" cy="9.5" r="1.3" fill="currentColor" />
      <circle cx="15.5" cy="9.5" r="1.3" fill="currentColor" />
      <path
        d={MOUTHS[n - 1]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** The faces a respondent will see, with their words, for 3 or 5 faces. */
export function FacesPreview({ count, size = 36 }: { count: number; size?: number }) {
  const { t } = useTranslation();
  const faces = facesOf(count);
  const words =
    count === 3 ? t('builder.faces.words3').split('|') : t('builder.faces.words5').split('|');
  return (
    <Group
      gap="md"
      role="img"
      aria-label={t('builder.faces.preview', { words: words.join(', ') })}
      data-testid="faces-preview"
    >
      {faces.map((n, i) => (
        <Stack key={n} gap={2} align="center">
          <Face n={n} size={size} />
          <Text size="xs">{words[i]}</Text>
        </Stack>
      ))}
    </Group>
  );
}
