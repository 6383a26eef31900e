/** The juror's area: their sessions, dossier, declarations, exam day, grids and PV. */
export function JurorArea({ route }: { route: string[] }) {
  return <h1>Juré {route.join('/')}</h1>;
}
