import { cpfFluxXml } from '../cpf-xml';
import { port } from './port';

/** Writes the holders' XML flux for the CPF information system. */
export const cpfFlux = /* @__PURE__ */ port(() => cpfFluxXml);
