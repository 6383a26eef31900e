/** The quality committee's area: appeals and violations, decisions, sealed records. */
export function QualityArea({ route }: { route: string[] }) {
  return <h1>Qualité {route.join('/')}</h1>;
}
