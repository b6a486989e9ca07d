import type { ReactNode } from 'react';
import { DeploymentShell } from '../../session/deployment-shell.tsx';

export default function DeploymentLayout({ children }: { children: ReactNode }) {
  return <DeploymentShell>{children}</DeploymentShell>;
}
