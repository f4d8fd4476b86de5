// What a bundle's entry needs and nothing more: importing the package's index would pull every
// step's code into the entry chunk, which each run would then pay for at start-up.
export { runStep } from './steps/run-step';
export { stepNamed } from './steps/registry';
