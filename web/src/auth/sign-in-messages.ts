import { messages } from '../i18n/i18n';

/** The sign-in page's words. */
export const SIGN_IN = messages({
  fr: {
    title: 'Connexion',
    cognito: 'Se connecter',
    cognitoHelp: 'Vous serez redirigé·e vers la page de connexion sécurisée de Certiflow (mot de passe et code à usage unique).',
    failed: 'La connexion a échoué.',
  },
  en: {
    title: 'Sign in',
    cognito: 'Sign in',
    cognitoHelp: 'You will be taken to Certiflow\'s secure sign-in page (password and one-time code).',
    failed: 'Sign-in failed.',
  },
});
