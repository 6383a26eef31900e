/** The candidate's area: their registrations, deadlines, uploads, schedule and results. */
export function CandidateArea({ route }: { route: string[] }) {
  return <h1>Candidat {route.join('/')}</h1>;
}
