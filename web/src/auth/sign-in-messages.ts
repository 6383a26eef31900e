import { messages } from '../i18n/i18n';

/** The sign-in page's words. */
export const SIGN_IN = messages({
  fr: {
    title: 'Connexion',
    cognito: 'Se connecter',
    cognitoHelp: 'Vous serez redirigé·e vers la page de connexion sécurisée de Certiflow (mot de passe et code à usage unique).',
    localTitle: 'Connexion de développement',
    localWarning: 'Environnement local uniquement : cette page signe un jeton avec l\'émetteur local. Elle n\'existe pas dans l\'application déployée.',
    demoPeople: 'Personnes de la démonstration',
    noDemo: 'Aucune démonstration n\'a été créée (démarrage avec --empty). Choisissez un rôle ci-dessous.',
    signInAs: (name: string) => `Se connecter en tant que ${name}`,
    custom: 'Autre identité',
    role: 'Rôle',
    sub: 'Identifiant (sub)',
    centre: 'Centre (pour un·e responsable de session)',
    submit: 'Se connecter',
    failed: 'La connexion a échoué.',
  },
  en: {
    title: 'Sign in',
    cognito: 'Sign in',
    cognitoHelp: 'You will be taken to Certiflow\'s secure sign-in page (password and one-time code).',
    localTitle: 'Development sign-in',
    localWarning: 'Local environment only: this page signs a token with the local issuer. It does not exist in the deployed app.',
    demoPeople: 'People of the demo',
    noDemo: 'No demo was seeded (started with --empty). Choose a role below.',
    signInAs: (name: string) => `Sign in as ${name}`,
    custom: 'Another identity',
    role: 'Role',
    sub: 'Identifier (sub)',
    centre: 'Centre (for a session manager)',
    submit: 'Sign in',
    failed: 'Sign-in failed.',
  },
});
