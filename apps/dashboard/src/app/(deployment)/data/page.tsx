import { DataPage } from '../../../features/data/data-page.tsx';

export default function Page() {
  return <DataPage />;
}
