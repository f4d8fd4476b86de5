import { describe, expect, it } from 'vitest';
import { InputError } from '../../packages/core/src/errors';
import { validateOpenPromotionPrInputs, type OpenPromotionPrInputs } from '../../packages/core/src/steps/open-promotion-pr/config';
import { openPromotionPrSpec } from '../../packages/core/src/steps/open-promotion-pr/spec';

const blank = Object.fromEntries(openPromotionPrSpec.inputs.map((input) => [input.name, ''])) as OpenPromotionPrInputs;
const base: OpenPromotionPrInputs = { ...blank, token: 't0k3n', image: 'ghcr.io/acme/app', 'source-files': 'envs/staging/*.yaml', files: 'envs/prod/*.yaml', environment: 'prod' };
const validate = (inputs: Partial<OpenPromotionPrInputs>, env: NodeJS.ProcessEnv = {}) => validateOpenPromotionPrInputs({ ...base, ...inputs }, env);

describe('open-promotion-pr inputs', () => {
  it('on GitHub Actions: the forge, repository, URLs and API come from the runner', () => {
    const config = validate({}, { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/envs', GITHUB_SERVER_URL: 'https://ghe.example.com', GITHUB_API_URL: 'https://ghe.example.com/api/v3' });
    expect(config).toMatchObject({
      forge: 'github',
      repository: 'acme/envs',
      repositoryUrl: 'https://ghe.example.com/acme/envs.git',
      apiUrl: 'https://ghe.example.com/api/v3',
      branch: 'gitops-promote/prod/ghcr.io-acme-app',
      labels: ['promotion', 'prod'],
      mergeMethod: 'merge',
    });
  });

  it('under GitLab CI: the project, server and API from CI_* variables', () => {
    const config = validate({ labels: 'deploy, prod' }, { GITLAB_CI: 'true', CI_PROJECT_PATH: 'acme/platform/envs', CI_SERVER_URL: 'https://gitlab.example.com', CI_API_V4_URL: 'https://gitlab.example.com/api/v4' });
    expect(config).toMatchObject({ forge: 'gitlab', repository: 'acme/platform/envs', repositoryUrl: 'https://gitlab.example.com/acme/platform/envs.git', apiUrl: 'https://gitlab.example.com/api/v4', labels: ['promotion', 'prod', 'deploy'] });
  });

  it('elsewhere: the forge, repository and API from the repository URL host; a GitLab job may promote on GitHub', () => {
    expect(validate({ 'repository-url': 'https://github.com/acme/envs.git' })).toMatchObject({ forge: 'github', repository: 'acme/envs', apiUrl: 'https://api.github.com' });
    expect(validate({ 'repository-url': 'git@gitlab.example.com:acme/platform/envs.git' })).toMatchObject({ forge: 'gitlab', repository: 'acme/platform/envs', apiUrl: 'https://gitlab.example.com/api/v4' });
    expect(validate({ platform: 'github', repository: 'acme/envs' }, { GITLAB_CI: 'true', CI_PROJECT_PATH: 'x/y' })).toMatchObject({ forge: 'github', repository: 'acme/envs', apiUrl: 'https://api.github.com' });
  });

  it('key mode, explicit values and branch names git accepts', () => {
    expect(validate({ image: '', key: 'image.tag', 'source-files': '', value: '2.0' }, { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'a/b' })).toMatchObject({
      target: { mode: 'key', key: 'image.tag' },
      source: { from: 'input', value: '2.0' },
      branch: 'gitops-promote/prod/image.tag',
    });
    const digest = `sha256:${'c'.repeat(64)}`;
    expect(validate({ 'source-files': '', tag: `1.2@${digest}` }, { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'a/b' }).source).toMatchObject({ from: 'input', value: `1.2@${digest}` });
    expect(validate({ image: 'registry:5000/team/app', environment: 'pre prod..x' }, { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'a/b' }).branch).toBe('gitops-promote/pre-prod.x/registry-5000-team-app');
  });

  it.each([
    [{ token: '' }, /Input 'token' is required/],
    [{ environment: '' }, /Input 'environment' is required/],
    [{ key: 'a.b' }, /'image' and 'key' were both given/],
    [{ tag: '1.0' }, /'source-files' and 'tag'\/'digest'\/'value' were both given/],
    [{ 'source-files': '' }, /Nothing says which value to promote/],
    [{ 'merge-method': 'fast-forward' }, /merge-method' must be merge, squash or rebase/],
    [{ platform: 'bitbucket' }, /platform' must be github or gitlab/],
    [{ repository: 'just-a-name' }, /repository' must be owner\/name/],
    [{ 'team-reviewers': 'sre', platform: 'gitlab', repository: 'a/b/c' }, /team-reviewers' is GitHub only/],
    [{ environment: 'prod\nx' }, /must be a single line/],
  ])('refuses %j before touching anything', (inputs, message) => {
    expect(() => validate(inputs, { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/envs' })).toThrow(InputError);
    expect(() => validate(inputs, { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/envs' })).toThrow(message);
  });

  it('without a CI or a forge host it asks for platform', () => {
    expect(() => validate({ 'repository-url': '/srv/git/envs.git' })).toThrow(/Cannot tell whether the environment repository is on GitHub or GitLab/);
  });

  describe('environment mode (images / keys)', () => {
    const env = { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'a/b' };
    const set = (inputs: Partial<OpenPromotionPrInputs>) => validate({ image: '', ...inputs }, env);
    const refusal = (inputs: Partial<OpenPromotionPrInputs>): Error => {
      try {
        set(inputs);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return error as Error;
      }
      throw new Error('accepted');
    };

    it('reads images (all or a list), exclude globs, keys one per line and on-held; the branch is the environment\'s', () => {
      expect(set({ images: 'all', 'exclude-images': 'ghcr.io/acme/*-migrations, docker.io/**', keys: 'image.tag\nparameters[name=a,b].value' })).toMatchObject({
        target: { mode: 'set', selection: { images: 'all', excludeImages: ['ghcr.io/acme/*-migrations', 'docker.io/**'], keys: [['image', 'tag'], expect.anything()] }, onHeld: 'skip' },
        source: { from: 'files', files: ['envs/staging/*.yaml'] },
        branch: 'gitops-promote/prod/environment',
      });
      expect(set({ images: 'ghcr.io/acme/api\nghcr.io/acme/web', 'on-held': 'fail', branch: 'promote-prod' })).toMatchObject({
        target: { mode: 'set', selection: { images: ['ghcr.io/acme/api', 'ghcr.io/acme/web'], keys: [] }, onHeld: 'fail' },
        branch: 'promote-prod',
      });
      expect(set({ keys: 'image.tag' })).toMatchObject({ target: { mode: 'set', selection: { keys: [['image', 'tag']] } } });
    });

    it('refuses mixing the single and list forms, saying which to keep', () => {
      expect(refusal({ image: 'ghcr.io/acme/app', images: 'all' }).message).toBe("Inputs 'image' and 'images' were both given.");
      expect((refusal({ image: 'ghcr.io/acme/app', images: 'all' }) as InputError).hint).toBe("Keep 'images' for a set (list the image in 'images'), or keep 'image' alone for one value.");
      expect(refusal({ key: 'image.tag', keys: 'replicas' }).message).toBe("Inputs 'key' and 'keys' were both given.");
      expect(refusal({ key: 'image.tag', images: 'all' }).message).toBe("Inputs 'key' and 'images' were both given.");
    });

    it('a set needs source-files and takes no explicit value; exclude-images needs images; on-held is skip or fail', () => {
      expect(refusal({ images: 'all', 'source-files': '' }).message).toMatch(/^Inputs 'images' \/ 'keys' need 'source-files'/);
      expect(refusal({ images: 'all', tag: '1.2.3' }).message).toBe("Input 'tag' names one value; it does not go with 'images' / 'keys'.");
      expect(refusal({ keys: 'image.tag', value: '3' }).message).toBe("Input 'value' names one value; it does not go with 'images' / 'keys'.");
      expect(refusal({ keys: 'image.tag', 'exclude-images': 'x/*' }).message).toBe("Input 'exclude-images' goes with 'images'.");
      expect(refusal({ image: 'ghcr.io/acme/app', 'exclude-images': 'x/*' }).message).toBe("Input 'exclude-images' goes with 'images'.");
      expect(refusal({ images: 'all', 'on-held': 'ignore' }).message).toBe('Input \'on-held\' must be skip or fail, got "ignore".');
      expect(refusal({ image: 'ghcr.io/acme/app', 'on-held': 'skip' }).message).toBe("Input 'on-held' goes with 'images' / 'keys'.");
      expect(refusal({ images: 'ghcr.io/acme/app:1.2' }).message).toMatch(/images/);
    });
  });
});
