import { FunctionsPage } from '../../../features/functions/functions-page.tsx';

export default function Page() {
  return <FunctionsPage />;
}
