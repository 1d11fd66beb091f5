import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Dutch PC4 areas with one coordinate each. GeoNames has several rows for a PC4 that spans municipalities;
 * the migration stores the centroid (mean latitude and longitude) of those rows and the first row's names.
 */
@Entity('postcode_area')
@Index('ix_postcode_area_earth', { synchronize: false })
export class PostcodeAreaEntity {
  @PrimaryColumn({ type: 'char', length: 4, primaryKeyConstraintName: 'pk_postcode_area' })
  pc4: string;

  @Column({ type: 'varchar', length: 100 })
  place: string;

  @Column({ type: 'varchar', length: 100 })
  municipality: string;

  @Column({ type: 'varchar', length: 60 })
  province: string;

  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lon: number;
}
