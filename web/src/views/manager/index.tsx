/** The session manager's area: planning, imports, the exam-day console and the PV. */
export function ManagerArea({ route }: { route: string[] }) {
  return <h1>Responsable {route.join('/')}</h1>;
}
