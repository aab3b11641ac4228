/**
 * What a phone writes into a photo: its make, the owner, where it was (EXIF, with the GPS
 * directory), and the same position again as XMP. For sharp's `withExif` and `withXmp`.
 */
export const cameraExif = {
  IFD0: { Make: 'OyuCam', Artist: 'Dana Workshop' },
  IFD3: {
    GPSLatitudeRef: 'N',
    GPSLatitude: '43/1 15/1 12/1',
    GPSLongitudeRef: 'E',
    GPSLongitude: '76/1 57/1 0/1',
  },
};

export const cameraXmp =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="43,15.2N"/></rdf:RDF></x:xmpmeta>';

/** Whatever a file still says about the camera, its owner or the place. */
export function cameraLeaks(data: Buffer): string[] {
  return ['OyuCam', 'Dana Workshop', 'GPSLatitude', '43,15.2N'].filter((text) => data.includes(text));
}
