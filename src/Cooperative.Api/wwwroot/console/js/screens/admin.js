// Screens of this menu: written next.
export default [];
