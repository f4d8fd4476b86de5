/** The identity commits are made with. */
export interface Author {
  name: string;
  email: string;
}
