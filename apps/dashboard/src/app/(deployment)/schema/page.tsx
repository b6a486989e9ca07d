import { SchemaPage } from '../../../features/schema/schema-page.tsx';

export default function Page() {
  return <SchemaPage />;
}
