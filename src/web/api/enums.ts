/**
 * The value lists the forms offer, taken from the shared contracts so that the web app and
 * the API never disagree.
 */
export {
  computationTypes,
  indicatorKinds,
  nodeKinds,
  organisationKinds,
  polarities,
  questionTypes,
  roles,
  stakeholderGroups,
} from '../../contracts/index.ts';
