import { Box, Chip } from '@mui/material';

/** Offers/needs are comma-separated topics; each becomes a chip. */
export const TopicChips = ({ text, color }: { text?: string | null; color?: 'primary' | 'secondary' | 'default' }) => {
  const topics = (text ?? '').split(/[,;\n\r•·|]+/).map((t) => t.trim()).filter(Boolean);
  if (!topics.length) return <span>–</span>;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {topics.map((t) => (
        <Chip key={t} size="small" variant="outlined" color={color ?? 'default'} label={t} />
      ))}
    </Box>
  );
};
