import { BarChart } from '@mui/x-charts/BarChart';

/** How often each value (1–5, 0–10) or option was chosen: one bar each, in the order the server gives. */
const DistributionChart = ({ distribution }: { distribution: Record<string, number> }) => {
  const labels = Object.keys(distribution);
  return (
    <BarChart
      height={Math.max(160, labels.length > 6 ? 200 : 160)}
      xAxis={[{ scaleType: 'band', data: labels }]}
      yAxis={[{ tickMinStep: 1, width: 30 }]}
      series={[{ data: labels.map((l) => distribution[l]) }]}
      margin={{ top: 10, bottom: 10, left: 0, right: 10 }}
    />
  );
};
export default DistributionChart;
