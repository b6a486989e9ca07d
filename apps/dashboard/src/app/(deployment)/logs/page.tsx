import { LogsPage } from '../../../features/logs/logs-page.tsx';

export default function Page() {
  return <LogsPage />;
}
