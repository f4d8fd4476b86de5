// What a bundle's entry needs besides its step's registration (`@gitops-promote/core/steps/<step>`):
// importing the package's index would pull every step's code into the bundle.
export { runStep } from './run-step';
export { isProcessEntry } from '../runtime/entry-point';
